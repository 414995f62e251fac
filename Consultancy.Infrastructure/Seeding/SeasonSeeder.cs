using System.Text.Json;
using System.Text.Json.Serialization;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>
/// Ships the ERAS/NRMP and CaRMS seasons and playbooks (Seeding/Data/seasons.json) on first start. Only
/// what is missing is added — a season by name, a playbook by system — so admins' edits are never undone.
/// </summary>
internal static class SeasonSeeder
{
    private sealed record Data(List<SeasonData> Seasons, List<PlaybookData> Playbooks);
    private sealed record SeasonData(TargetSystem System, string Name, List<KeyDateData> KeyDates);
    private sealed record KeyDateData(string Key, string Name, DateOnly Date, string? Source, bool Verified);
    private sealed record PlaybookData(TargetSystem System, string Name, List<ItemData> Items);
    private sealed record ItemData(string Title, DeadlineCategory Category, string Anchor, int OffsetDays, string? Description,
        ProfileCondition MetWhen = ProfileCondition.None);

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var data = await LoadAsync(ct);
        var seasons = await db.Seasons.Select(s => s.Name).ToListAsync(ct);
        foreach (var season in data.Seasons.Where(s => !seasons.Contains(s.Name)))
        {
            var entity = new Season(season.System, season.Name);
            entity.KeyDates.AddRange(season.KeyDates.Select(k => new SeasonKeyDate(k.Key, k.Name, k.Date, !k.Verified, k.Source)));
            db.Seasons.Add(entity);
        }

        var playbooks = await db.Playbooks.Select(p => p.System).ToListAsync(ct);
        foreach (var playbook in data.Playbooks.Where(p => !playbooks.Contains(p.System)))
        {
            var entity = new Playbook(playbook.System, playbook.Name);
            entity.Items.AddRange(playbook.Items.Select(i => new PlaybookItem
            {
                Title = i.Title, Category = i.Category, AnchorKey = i.Anchor, OffsetDays = i.OffsetDays, Description = i.Description,
                MetWhen = i.MetWhen,
            }));
            db.Playbooks.Add(entity);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Data> LoadAsync(CancellationToken ct)
    {
        await using var stream = typeof(SeasonSeeder).Assembly.GetManifestResourceStream("seasons.json")
            ?? throw new InvalidOperationException("The seasons.json resource is missing from the build.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return await JsonSerializer.DeserializeAsync<Data>(stream, options, ct)
            ?? throw new InvalidOperationException("seasons.json is empty.");
    }
}
