using Consultancy.Application.Domain;

namespace Consultancy.Tests.Support;

/// <summary>Fictional directory programs with the requirements a test is about; saved straight into the test's database.</summary>
public static class ProgramBuilder
{
    private static int _next;

    public static ResidencyProgram Program(string name, string specialty = "Internal Medicine", ProgramSystem system = ProgramSystem.ErasNrmp,
        int? imgShare = 40, VisaSponsorship visa = VisaSponsorship.J1, int? minimumStep2 = null, int? maximumYears = null,
        string timeZone = "America/Chicago")
    {
        var n = Interlocked.Increment(ref _next);
        return new ResidencyProgram(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))
        {
            Name = name,
            Institution = "Example Health",
            Specialty = specialty,
            City = "Springfield",
            StateOrProvince = "IL",
            Country = system == ProgramSystem.CaRMS ? "Canada" : "United States",
            System = system,
            Identifier = $"14099{n:D5}",
            ImgSharePercent = imgShare,
            ImgShareYear = 2026,
            VisaSponsorship = visa,
            MinimumStep2CkScore = minimumStep2,
            MaximumYearsSinceGraduation = maximumYears,
            TimeZoneId = timeZone,
        };
    }

    public static async Task<int[]> AddAsync(this ApplicationHarness app, params ResidencyProgram[] programs) =>
        await app.QueryAsync(async db =>
        {
            db.ResidencyPrograms.AddRange(programs);
            await db.SaveChangesAsync();
            return programs.Select(p => p.Id).ToArray();
        });
}
