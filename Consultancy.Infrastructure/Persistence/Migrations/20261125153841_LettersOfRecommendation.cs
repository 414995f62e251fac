using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LettersOfRecommendation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LetterRequestId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    RefereeName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RefereeEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RefereeTitle = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    IsUsCanadianPhysician = table.Column<bool>(type: "INTEGER", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    System = table.Column<int>(type: "INTEGER", nullable: false),
                    ErasLetterId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProgramAssignment = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestsSent = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UploadedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpsStopped = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpsStoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterRequests_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterRequests_Deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LetterRequestTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterRequestTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_LetterRequestId",
                table: "OutboxMessages",
                column: "LetterRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_ClientId_DueDate",
                table: "LetterRequests",
                columns: new[] { "ClientId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_DeadlineId",
                table: "LetterRequests",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_Status_DueDate",
                table: "LetterRequests",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_LetterRequests_LetterRequestId",
                table: "OutboxMessages",
                column: "LetterRequestId",
                principalTable: "LetterRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_LetterRequests_LetterRequestId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "LetterRequests");

            migrationBuilder.DropTable(
                name: "LetterRequestTemplates");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_LetterRequestId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LetterRequestId",
                table: "OutboxMessages");
        }
    }
}
