using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Consultancy.Tests.Infrastructure;

/// <summary>
/// The migration that assigns letters to applications (<c>LettersAssignedToApplications</c>, on each store) keeps the free-text
/// program assignment letters had, in their notes.
/// </summary>
public sealed class LetterMigrationTests
{
    private const string Migration = "LettersAssignedToApplications";
    private const string Line = "Assigned before applications existed: ";

    [Fact]
    public async Task Migrating_moves_each_letters_program_assignment_into_its_notes_within_their_length()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var admin = await app.AdminAsync();
        var clientId = await app.SendAsync(admin, ClientBuilder.NewClient());
        var due = new DateOnly(2027, 8, 1);
        var longNotes = new string('n', 1990);
        var letters = new Dictionary<string, (string? Notes, string? Assignment)>
        {
            ["Dr. Notes"] = ("Met on the Cleveland rotation.", "IM programs in Ohio"),
            ["Dr. Bare"] = (null, "  FM programs  "),
            ["Dr. Unassigned"] = ("Keep as is.", null),
            ["Dr. Blank"] = (null, "   "),
            ["Dr. Long"] = (longNotes, "Surgery programs"),
        };
        var ids = new Dictionary<string, int>();
        foreach (var (referee, (notes, _)) in letters)
            ids[referee] = await app.SendAsync(admin, LetterBuilder.NewLetter(clientId, due, referee) with { Notes = notes });

        await app.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith($"_{Migration}")) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            foreach (var (referee, (_, assignment)) in letters)
                await db.Database.ExecuteSqlAsync($"""UPDATE "LetterRequests" SET "ProgramAssignment" = {assignment} WHERE "Id" = {ids[referee]}""");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            return 0;
        });

        var migrated = await app.QueryAsync(db => db.LetterRequests.AsNoTracking().Where(l => l.ClientId == clientId)
            .ToDictionaryAsync(l => l.RefereeName, l => l.Notes));
        Assert.Equal($"Met on the Cleveland rotation.\n{Line}IM programs in Ohio", migrated["Dr. Notes"]);
        Assert.Equal($"{Line}FM programs", migrated["Dr. Bare"]);
        Assert.Equal("Keep as is.", migrated["Dr. Unassigned"]);
        Assert.Null(migrated["Dr. Blank"]);
        var cut = migrated["Dr. Long"]!;
        Assert.Equal(2000, cut.Length);
        Assert.Equal($"{longNotes}\n{Line}"[..1999] + "…", cut);
        // The letters are otherwise as they were, and the app reads them as before.
        Assert.Equal(letters.Count, migrated.Count);
        Assert.Equal(letters.Count, (await app.SendAsync(admin, new Consultancy.Application.Letters.GetClientLetters(clientId))).Count);
    }
}
