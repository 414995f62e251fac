using Consultancy.Application.Domain;

namespace ClientListSeeder;

/// <summary>
/// Made-up directory programs for the program search benchmark: varied, and the same on every run. Names are
/// "Example {place} {kind} — {specialty}" so nothing can be taken for a real program; a specialty is about 1 in 12,
/// a state about 1 in 20, a visa kind 1 in 5; the search term "lakeside" matches about 1 program in 40.
/// </summary>
internal sealed class BenchmarkPrograms(DateTime now)
{
    public static readonly string[] Specialties =
    [
        "Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Pathology", "Neurology", "General Surgery",
        "Emergency Medicine", "Anesthesiology", "Obstetrics and Gynecology", "Radiology", "Physical Medicine and Rehabilitation",
    ];

    private static readonly string[] States =
    [
        "NY", "CA", "TX", "FL", "IL", "PA", "OH", "MI", "NJ", "GA", "NC", "MA", "MD", "VA", "WA", "AZ", "TN", "MO", "ON", "QC",
    ];

    private static readonly string[] Places =
    [
        "Valley", "Lakeside", "Riverbend", "Hillcrest", "Northgate", "Harbor", "Pinewood", "Meadow", "Summit", "Bayview",
        "Cedar", "Prairie", "Granite", "Willow", "Oakridge", "Seaside", "Maple", "Aspen", "Sunset", "Brookfield",
        "Fairview", "Highland", "Kingsport", "Lakewood", "Millbrook", "Newfield", "Orchard", "Redwood", "Stonebridge", "Westfield",
        "Ashford", "Clearwater", "Deerfield", "Elmwood", "Foxhill", "Glenview", "Ironwood", "Juniper", "Larkspur", "Mistral",
    ];

    private static readonly string[] Kinds = ["Medical Center", "University Hospital", "Regional Health", "Community Hospital", "Health System"];

    public ResidencyProgram Create(int number)
    {
        var state = States[number % States.Length];
        var canadian = state is "ON" or "QC";
        var specialty = Specialties[(number / 3) % Specialties.Length];
        var place = Places[(number * 7) % Places.Length];
        var kind = Kinds[number % Kinds.Length];
        return new ResidencyProgram(now)
        {
            Name = $"Example {place} {kind} {number:00000} — {specialty}",
            Institution = $"Example {place} {kind}",
            Specialty = specialty,
            City = place + "ton",
            StateOrProvince = state,
            Country = canadian ? "Canada" : "United States",
            System = canadian ? ProgramSystem.CaRMS : ProgramSystem.ErasNrmp,
            Identifier = $"99{number:00000000}",
            Type = (ProgramType)(number % 4),
            PositionsPerYear = 2 + number % 30,
            ImgSharePercent = number % 9 == 0 ? null : (number * 13) % 101,
            ImgShareYear = now.Year - 1,
            VisaSponsorship = (VisaSponsorship)(number % 5),
            TimeZoneId = canadian ? "America/Toronto" : "America/New_York",
            MinimumStep2CkScore = number % 4 == 0 ? null : 200 + number % 40,
            MaximumYearsSinceGraduation = number % 3 == 0 ? null : 3 + number % 8,
            MaximumAttempts = number % 5 == 0 ? null : 1 + number % 3,
            ClinicalExperience = (ClinicalExperienceRequirement)(number % 4),
            Website = $"https://example.org/programs/{number}",
        };
    }
}
