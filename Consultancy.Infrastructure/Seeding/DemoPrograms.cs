using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>
/// A handful of obviously fictional programs for the demo directory, across specialties, both systems, every kind of
/// visa sponsorship and a range of requirements, so the features built on programs have something to show. No real
/// program data ships with the app. Found again by system and identifier: a restart adds nothing twice.
/// </summary>
public static class DemoPrograms
{
    public const string IdentifierPrefix = "14099900";

    private sealed record Demo(string Name, string Specialty, string City, string State, string Country, ProgramSystem System, string Identifier,
        ProgramType Type, int Positions, int? ImgShare, VisaSponsorship Visa, string Zone, int? Step2, int? Years, int? Attempts,
        ClinicalExperienceRequirement Experience, bool? Ecfmg, bool Verified);

    private static readonly Demo[] All =
    [
        new("Example Valley Medical Center — Internal Medicine", "Internal Medicine", "Springfield", "IL", "United States", ProgramSystem.ErasNrmp,
            "1409990001", ProgramType.CommunityUniversityAffiliated, 14, 62, VisaSponsorship.Both, "America/Chicago", 220, 5, 2,
            ClinicalExperienceRequirement.Preferred, true, true),
        new("Sample Lakes Hospital — Family Medicine", "Family Medicine", "Lakeview", "MI", "United States", ProgramSystem.ErasNrmp,
            "1409990002", ProgramType.Community, 8, 75, VisaSponsorship.J1, "America/Detroit", null, 10, 3,
            ClinicalExperienceRequirement.Required, true, true),
        new("Placeholder University Hospital — Pediatrics", "Pediatrics", "Fictionville", "NY", "United States", ProgramSystem.ErasNrmp,
            "1409990003", ProgramType.University, 20, 15, VisaSponsorship.J1, "America/New_York", 235, 3, 1,
            ClinicalExperienceRequirement.Required, true, false),
        new("Demo Desert Regional — Psychiatry", "Psychiatry", "Mirage City", "AZ", "United States", ProgramSystem.ErasNrmp,
            "1409990004", ProgramType.Community, 6, 48, VisaSponsorship.H1B, "America/Phoenix", 225, 5, null,
            ClinicalExperienceRequirement.Preferred, false, true),
        new("Example Coast Health — Pathology", "Pathology", "Harborview", "CA", "United States", ProgramSystem.ErasNrmp,
            "1409990005", ProgramType.University, 5, 40, VisaSponsorship.None, "America/Los_Angeles", null, null, null,
            ClinicalExperienceRequirement.NotRequired, null, false),
        new("Sample Prairie Medical Center — Neurology", "Neurology", "Plainsburg", "KS", "United States", ProgramSystem.ErasNrmp,
            "1409990006", ProgramType.CommunityUniversityAffiliated, 4, 55, VisaSponsorship.Unknown, "America/Chicago", 230, 7, 2,
            ClinicalExperienceRequirement.Unknown, true, false),
        new("Example Northern University — Family Medicine (IMG stream)", "Family Medicine", "Northbridge", "ON", "Canada", ProgramSystem.CaRMS,
            "DEMO-FM-0001", ProgramType.University, 10, 100, VisaSponsorship.None, "America/Toronto", null, 10, null,
            ClinicalExperienceRequirement.Required, null, true),
        new("Placeholder Maritime University — Internal Medicine (IMG stream)", "Internal Medicine", "Seaport", "NS", "Canada", ProgramSystem.CaRMS,
            "DEMO-IM-0002", ProgramType.University, 3, 100, VisaSponsorship.None, "America/Halifax", null, 5, null,
            ClinicalExperienceRequirement.Preferred, null, false),
    ];

    public static int Count => All.Length;

    public static async Task SeedAsync(AppDbContext db, string? verifierId, DateTime now, CancellationToken ct)
    {
        var identifiers = All.Select(d => d.Identifier).ToList();
        var existing = (await db.ResidencyPrograms.Where(p => p.Identifier != null && identifiers.Contains(p.Identifier))
            .Select(p => new { p.System, p.Identifier }).ToListAsync(ct)).Select(p => (p.System, p.Identifier!)).ToHashSet();
        foreach (var demo in All.Where(d => !existing.Contains((d.System, d.Identifier))))
        {
            var program = new ResidencyProgram(now)
            {
                Name = demo.Name, Institution = demo.Name.Split(" — ")[0], Specialty = demo.Specialty, City = demo.City, StateOrProvince = demo.State,
                Country = demo.Country, System = demo.System, Identifier = demo.Identifier, Type = demo.Type, PositionsPerYear = demo.Positions,
                ImgSharePercent = demo.ImgShare, ImgShareYear = demo.ImgShare is null ? null : now.Year - 1, VisaSponsorship = demo.Visa,
                TimeZoneId = demo.Zone, MinimumStep2CkScore = demo.Step2, MaximumYearsSinceGraduation = demo.Years, MaximumAttempts = demo.Attempts,
                ClinicalExperience = demo.Experience, EcfmgCertificationByRankDeadline = demo.Ecfmg,
                Website = "https://example.org/programs/" + demo.Identifier.ToLowerInvariant(),
                Notes = "Fictional program for the demo: not a real residency.",
            };
            if (demo.Verified) program.MarkVerified(verifierId, now.AddDays(-14));
            db.ResidencyPrograms.Add(program);
        }
        await db.SaveChangesAsync(ct);
    }
}
