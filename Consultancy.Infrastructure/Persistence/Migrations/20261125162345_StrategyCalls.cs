using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StrategyCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StrategyCallId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsultantAvailabilities",
                columns: table => new
                {
                    ConsultantId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublicName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MeetingLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsBookable = table.Column<bool>(type: "INTEGER", nullable: false),
                    CallMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumNoticeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekly = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Overrides = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TimeOff = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultantAvailabilities", x => x.ConsultantId);
                    table.ForeignKey(
                        name: "FK_ConsultantAvailabilities_UserProfiles_ConsultantId",
                        column: x => x.ConsultantId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultantId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MeetingLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OutcomeNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyCalls_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StrategyCalls_UserProfiles_ConsultantId",
                        column: x => x.ConsultantId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_StrategyCallId",
                table: "OutboxMessages",
                column: "StrategyCallId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultantAvailabilities_Slug",
                table: "ConsultantAvailabilities",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategyCalls_ClientId_StartUtc",
                table: "StrategyCalls",
                columns: new[] { "ClientId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyCalls_ConsultantId_Status_StartUtc",
                table: "StrategyCalls",
                columns: new[] { "ConsultantId", "Status", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyCalls_OneLiveCallPerStart",
                table: "StrategyCalls",
                columns: new[] { "ConsultantId", "StartUtc" },
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyCalls_StartUtc_Status",
                table: "StrategyCalls",
                columns: new[] { "StartUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyCalls_Uid",
                table: "StrategyCalls",
                column: "Uid",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_StrategyCalls_StrategyCallId",
                table: "OutboxMessages",
                column: "StrategyCallId",
                principalTable: "StrategyCalls",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_StrategyCalls_StrategyCallId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ConsultantAvailabilities");

            migrationBuilder.DropTable(
                name: "StrategyCalls");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_StrategyCallId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "StrategyCallId",
                table: "OutboxMessages");
        }
    }
}
