using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Clients_ConsultantId_IsArchived",
                table: "Clients",
                columns: new[] { "ConsultantId", "IsArchived" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_ConsultantId_IsArchived",
                table: "Clients");
        }
    }
}
