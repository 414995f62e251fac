using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardColumnIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Clients_ConsultantId_Stage_UpdatedAt",
                table: "Clients",
                columns: new[] { "ConsultantId", "Stage", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Stage_UpdatedAt",
                table: "Clients",
                columns: new[] { "Stage", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_ConsultantId_Stage_UpdatedAt",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Stage_UpdatedAt",
                table: "Clients");
        }
    }
}
