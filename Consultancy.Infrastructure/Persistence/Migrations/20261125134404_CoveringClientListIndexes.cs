using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CoveringClientListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_ConsultantId_IsArchived_LastName_FirstName_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_IsArchived_LastName_FirstName_Id",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_CaseloadList",
                table: "Clients",
                columns: new[] { "ConsultantId", "IsArchived", "LastName", "FirstName", "Id", "Stage", "TargetSystem", "Season", "Tags", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_List",
                table: "Clients",
                columns: new[] { "IsArchived", "LastName", "FirstName", "Id", "ConsultantId", "Stage", "TargetSystem", "Season", "Tags", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Season_ConsultantId",
                table: "Clients",
                columns: new[] { "Season", "ConsultantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_CaseloadList",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_List",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Season_ConsultantId",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ConsultantId_IsArchived_LastName_FirstName_Id",
                table: "Clients",
                columns: new[] { "ConsultantId", "IsArchived", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_IsArchived_LastName_FirstName_Id",
                table: "Clients",
                columns: new[] { "IsArchived", "LastName", "FirstName", "Id" });
        }
    }
}
