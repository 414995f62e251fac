using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LettersAssignedToApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Letters now go to applications; the free-text assignment they had is kept in the letter's notes, on a line of
            // its own after any notes. Notes hold at most 2,000 characters: a longer result is cut to 1,999 and ends with "…".
            const string notes = """
                CASE WHEN trim(coalesce("Notes", '')) = '' THEN '' ELSE "Notes" || char(10) END
                    || 'Assigned before applications existed: ' || trim("ProgramAssignment")
                """;
            migrationBuilder.Sql($"""
                UPDATE "LetterRequests"
                SET "Notes" = CASE WHEN length({notes}) > 2000 THEN substr({notes}, 1, 1999) || '…' ELSE {notes} END
                WHERE trim(coalesce("ProgramAssignment", '')) <> '';
                """);

            migrationBuilder.DropColumn(
                name: "ProgramAssignment",
                table: "LetterRequests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The column comes back empty: the text moved into the notes stays there (a loss accepted for going back).
            migrationBuilder.AddColumn<string>(
                name: "ProgramAssignment",
                table: "LetterRequests",
                type: "TEXT",
                maxLength: 150,
                nullable: true);
        }
    }
}
