using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlaybookStepsMetByProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResidencyPrograms_Name_Id",
                table: "ResidencyPrograms");

            migrationBuilder.AddColumn<int>(
                name: "MetWhen",
                table: "PlaybookItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The shipped ERAS/NRMP step that ECFMG certification already meets, where a database has it unchanged.
            migrationBuilder.Sql("UPDATE PlaybookItems SET MetWhen = 1 WHERE Title = 'Confirm USMLE Step 1 and Step 2 CK results are reported to ECFMG';");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_Name_Id_SearchText",
                table: "ResidencyPrograms",
                columns: new[] { "Name", "Id", "SearchText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResidencyPrograms_Name_Id_SearchText",
                table: "ResidencyPrograms");

            migrationBuilder.DropColumn(
                name: "MetWhen",
                table: "PlaybookItems");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_Name_Id",
                table: "ResidencyPrograms",
                columns: new[] { "Name", "Id" });
        }
    }
}
