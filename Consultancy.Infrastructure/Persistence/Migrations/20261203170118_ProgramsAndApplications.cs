using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProgramsAndApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "InvitesExpectedBy",
                table: "Seasons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumInvites",
                table: "Seasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Mccqe1Attempts",
                table: "Clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OetDate",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OetResult",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Step1Attempts",
                table: "Clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Step2CkAttempts",
                table: "Clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Step3Result",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClinicalExperiences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicalExperiences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicalExperiences_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterviewCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewCriteria", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RankOrderLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Season = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CertifiedRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    CertifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CertifiedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankOrderLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankOrderLists_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RankOrderLists_UserProfiles_CertifiedById",
                        column: x => x.CertifiedById,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ResidencyPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StateOrProvince = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    System = table.Column<int>(type: "INTEGER", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    PositionsPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ImgSharePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    ImgShareYear = table.Column<int>(type: "INTEGER", nullable: true),
                    VisaSponsorship = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MinimumStep2CkScore = table.Column<int>(type: "INTEGER", nullable: true),
                    MaximumYearsSinceGraduation = table.Column<int>(type: "INTEGER", nullable: true),
                    MaximumAttempts = table.Column<int>(type: "INTEGER", nullable: true),
                    ClinicalExperience = table.Column<int>(type: "INTEGER", nullable: false),
                    EcfmgCertificationByRankDeadline = table.Column<bool>(type: "INTEGER", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerifiedById = table.Column<string>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidencyPrograms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidencyPrograms_UserProfiles_VerifiedById",
                        column: x => x.VerifiedById,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SeasonSignalLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeasonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Signals = table.Column<int>(type: "INTEGER", nullable: true),
                    Gold = table.Column<int>(type: "INTEGER", nullable: true),
                    Silver = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeasonSignalLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeasonSignalLimits_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RankListRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RankListId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Ranking = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankListRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankListRevisions_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RankListRevisions_RankOrderLists_RankListId",
                        column: x => x.RankListId,
                        principalTable: "RankOrderLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RankListRevisions_UserProfiles_ById",
                        column: x => x.ById,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProgramApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Season = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Signal = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InvitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InviteDeadlineId = table.Column<int>(type: "INTEGER", nullable: true),
                    InterviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InterviewTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    InterviewFormat = table.Column<int>(type: "INTEGER", nullable: true),
                    InterviewAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InterviewDeadlineId = table.Column<int>(type: "INTEGER", nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_Deadlines_InterviewDeadlineId",
                        column: x => x.InterviewDeadlineId,
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_Deadlines_InviteDeadlineId",
                        column: x => x.InviteDeadlineId,
                        principalTable: "Deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_ResidencyPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "ResidencyPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewScores_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterviewScores_InterviewCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "InterviewCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterviewScores_ProgramApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ProgramApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LetterAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    LetterRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterAssignments_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterAssignments_LetterRequests_LetterRequestId",
                        column: x => x.LetterRequestId,
                        principalTable: "LetterRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterAssignments_ProgramApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ProgramApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicalExperiences_ClientId",
                table: "ClinicalExperiences",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewScores_ApplicationId_CriterionId",
                table: "InterviewScores",
                columns: new[] { "ApplicationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterviewScores_ClientId",
                table: "InterviewScores",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewScores_CriterionId",
                table: "InterviewScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterAssignments_ApplicationId",
                table: "LetterAssignments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterAssignments_ClientId",
                table: "LetterAssignments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterAssignments_LetterRequestId_ApplicationId",
                table: "LetterAssignments",
                columns: new[] { "LetterRequestId", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_ClientId_Season_ProgramId",
                table: "ProgramApplications",
                columns: new[] { "ClientId", "Season", "ProgramId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_InterviewAtUtc",
                table: "ProgramApplications",
                column: "InterviewAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_InterviewDeadlineId",
                table: "ProgramApplications",
                column: "InterviewDeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_InviteDeadlineId",
                table: "ProgramApplications",
                column: "InviteDeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_ProgramId",
                table: "ProgramApplications",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_RankListRevisions_ById",
                table: "RankListRevisions",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_RankListRevisions_ClientId",
                table: "RankListRevisions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_RankListRevisions_RankListId_Number",
                table: "RankListRevisions",
                columns: new[] { "RankListId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RankOrderLists_CertifiedById",
                table: "RankOrderLists",
                column: "CertifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_RankOrderLists_ClientId_Season",
                table: "RankOrderLists",
                columns: new[] { "ClientId", "Season" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_Name_Id",
                table: "ResidencyPrograms",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_Specialty_Name_Id",
                table: "ResidencyPrograms",
                columns: new[] { "Specialty", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_StateOrProvince_Name",
                table: "ResidencyPrograms",
                columns: new[] { "StateOrProvince", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_System_Identifier",
                table: "ResidencyPrograms",
                columns: new[] { "System", "Identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyPrograms_VerifiedById",
                table: "ResidencyPrograms",
                column: "VerifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_SeasonSignalLimits_SeasonId_Specialty",
                table: "SeasonSignalLimits",
                columns: new[] { "SeasonId", "Specialty" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClinicalExperiences");

            migrationBuilder.DropTable(
                name: "InterviewScores");

            migrationBuilder.DropTable(
                name: "LetterAssignments");

            migrationBuilder.DropTable(
                name: "RankListRevisions");

            migrationBuilder.DropTable(
                name: "SeasonSignalLimits");

            migrationBuilder.DropTable(
                name: "InterviewCriteria");

            migrationBuilder.DropTable(
                name: "ProgramApplications");

            migrationBuilder.DropTable(
                name: "RankOrderLists");

            migrationBuilder.DropTable(
                name: "ResidencyPrograms");

            migrationBuilder.DropColumn(
                name: "InvitesExpectedBy",
                table: "Seasons");

            migrationBuilder.DropColumn(
                name: "MinimumInvites",
                table: "Seasons");

            migrationBuilder.DropColumn(
                name: "Mccqe1Attempts",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "OetDate",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "OetResult",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "Step1Attempts",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "Step2CkAttempts",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "Step3Result",
                table: "Clients");
        }
    }
}
