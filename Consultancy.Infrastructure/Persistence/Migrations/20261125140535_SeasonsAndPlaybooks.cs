using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeasonsAndPlaybooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DueDateEditedByHand",
                table: "Deadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PlaybookItemId",
                table: "Deadlines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeasonId",
                table: "Deadlines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    System = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Seasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    System = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaybookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    AnchorKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookItems_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeasonKeyDates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeasonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VerifyBeforeUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeasonKeyDates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeasonKeyDates_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_ClientId_SeasonId_PlaybookItemId",
                table: "Deadlines",
                columns: new[] { "ClientId", "SeasonId", "PlaybookItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_PlaybookItemId",
                table: "Deadlines",
                column: "PlaybookItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_SeasonId_PlaybookItemId",
                table: "Deadlines",
                columns: new[] { "SeasonId", "PlaybookItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookItems_PlaybookId",
                table: "PlaybookItems",
                column: "PlaybookId");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_System",
                table: "Playbooks",
                column: "System",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeasonKeyDates_SeasonId_Key",
                table: "SeasonKeyDates",
                columns: new[] { "SeasonId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Seasons_Name",
                table: "Seasons",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Deadlines_PlaybookItems_PlaybookItemId",
                table: "Deadlines",
                column: "PlaybookItemId",
                principalTable: "PlaybookItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Deadlines_Seasons_SeasonId",
                table: "Deadlines",
                column: "SeasonId",
                principalTable: "Seasons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Deadlines_PlaybookItems_PlaybookItemId",
                table: "Deadlines");

            migrationBuilder.DropForeignKey(
                name: "FK_Deadlines_Seasons_SeasonId",
                table: "Deadlines");

            migrationBuilder.DropTable(
                name: "PlaybookItems");

            migrationBuilder.DropTable(
                name: "SeasonKeyDates");

            migrationBuilder.DropTable(
                name: "Playbooks");

            migrationBuilder.DropTable(
                name: "Seasons");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_ClientId_SeasonId_PlaybookItemId",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_PlaybookItemId",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_SeasonId_PlaybookItemId",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "DueDateEditedByHand",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "PlaybookItemId",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "SeasonId",
                table: "Deadlines");
        }
    }
}
