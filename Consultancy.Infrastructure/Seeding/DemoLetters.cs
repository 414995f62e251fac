using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Reminders;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>
/// Letters of recommendation for a handful of demo clients mid-application, in every status, so the letters
/// panel, the rules and the Letters waiting page have something to show. Added once: nothing is added if
/// any demo client already has a letter.
/// </summary>
internal static class DemoLetters
{
    private sealed record Referee(string Name, string Title, string Institution, string Location, bool UsCanadianPhysician, string Relationship);

    private static readonly Referee[] Referees =
    [
        new("Dr. Rebecca Stone", "Program Director, Internal Medicine", "Mount Sinai Hospital", "New York, USA", true, "Supervisor on a US internal medicine sub-internship, Jul 2026"),
        new("Dr. James Whitfield", "Associate Professor of Medicine", "University of Chicago Medicine", "Chicago, USA", true, "Attending on a US inpatient elective, Aug 2026"),
        new("Dr. Hannah Lefebvre", "Clinical Lecturer, Family Medicine", "McGill University Health Centre", "Montréal, Canada", true, "Preceptor during a Canadian clinical observership, 2026"),
        new("Prof. Samuel Adeyemi", "Head of Department of Medicine", "Home teaching hospital", "", false, "Head of department during internship"),
        new("Dr. Laura Kim", "Assistant Professor of Psychiatry", "Johns Hopkins Hospital", "Baltimore, USA", true, "Research mentor, 2025–2026"),
    ];

    public static async Task SeedAsync(IServiceProvider provider, DateTime now, CancellationToken ct)
    {
        var db = provider.GetRequiredService<AppDbContext>();
        if (await db.LetterRequests.AnyAsync(l => l.Client!.Email.EndsWith("@example.org"), ct)) return;

        var clients = await db.Clients
            .Where(c => c.Email.EndsWith("@example.org") && !c.IsArchived
                && (c.Stage == ClientStage.Onboarding || c.Stage == ClientStage.Documents || c.Stage == ClientStage.Applied))
            .OrderBy(c => c.Id).Take(8).ToListAsync(ct);
        var offsets = provider.GetRequiredService<IOptions<ReminderSettings>>().Value.DefaultReminderOffsets;
        var today = DateOnly.FromDateTime(now);
        var letters = new List<LetterRequest>();

        foreach (var (client, n) in clients.Select((c, i) => (c, i)))
        {
            var specialty = LetterRules.Specialties(client.TargetSpecialties).FirstOrDefault() ?? "Internal Medicine";
            var system = client.TargetSystem == TargetSystem.CaRMS ? LetterSystem.CaRMS : LetterSystem.ERAS;
            // Each client gets three or four letters at different points: one uploaded, one confirmed, one waiting, perhaps one planned.
            var plan = new (int Referee, int DueInDays, LetterStatus Status)[]
            {
                (n % 2, -10, LetterStatus.Uploaded),
                (n % 2 == 0 ? 2 : 4, 18 + n, LetterStatus.Confirmed),
                (3, n % 3 == 0 ? -2 : 24 + n, LetterStatus.Requested),
                (n % 2 == 0 ? 4 : 2, 40, n % 4 == 1 ? LetterStatus.Declined : LetterStatus.Planned),
            }.Take(n % 3 == 2 ? 3 : 4);

            foreach (var (refereeIndex, dueInDays, status) in plan)
            {
                var referee = Referees[refereeIndex];
                var letter = new LetterRequest(client, today.AddDays(dueInDays), now.AddDays(-30))
                {
                    RefereeName = referee.Name,
                    RefereeEmail = $"{Slug(referee.Name)}.{client.Id}@example.net",
                    RefereeTitle = referee.Title,
                    Institution = referee.Institution == "Home teaching hospital" ? $"{client.MedicalSchool} teaching hospital" : referee.Institution,
                    Location = referee.Location == "" ? client.MedicalSchoolCountry : referee.Location,
                    IsUsCanadianPhysician = referee.UsCanadianPhysician,
                    Relationship = referee.Relationship,
                    Specialty = refereeIndex == 3 ? LetterRules.GeneralSpecialty : specialty,
                    System = system,
                    ErasLetterId = system == LetterSystem.ERAS ? $"LOR{client.Id:D4}{refereeIndex}" : null,
                };
                var deadline = new Deadline(client, now)
                {
                    Title = letter.Title, Category = DeadlineCategory.Letters, DueDate = letter.DueDate, ReminderOffsets = offsets,
                };
                deadline.AnchorTo(TimeZones.Find(client.TimeZoneId));
                letter.AttachDeadline(deadline);
                // Waiting letters were asked a few days ago, so their follow-ups are still ahead.
                if (status != LetterStatus.Planned) letter.MarkRequested(now.AddDays(status == LetterStatus.Requested ? -3 - n % 3 : -12 + n % 5));
                switch (status)
                {
                    case LetterStatus.Uploaded: letter.MarkUploaded(LetterActor.Referee, today.AddDays(-3 - n % 4), now.AddDays(-3)); break;
                    case LetterStatus.Confirmed: letter.Confirm(LetterActor.Referee, now.AddDays(-6)); break;
                    case LetterStatus.Declined: letter.Decline(LetterActor.Referee, "Away on sabbatical this season.", now.AddDays(-4)); break;
                }
                db.Deadlines.Add(deadline);
                db.LetterRequests.Add(letter);
                letters.Add(letter);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await provider.GetRequiredService<ReminderPlanner>().ReplanAsync(letters.Where(l => l.Deadline is not null).Select(l => l.Deadline!).ToList(), ct);
        var followUps = provider.GetRequiredService<LetterFollowUpPlanner>();
        foreach (var letter in letters) await followUps.ReplanAsync(letter, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string Slug(string name) =>
        string.Join(".", name.Replace("Dr. ", "").Replace("Prof. ", "").ToLowerInvariant().Split(' '));
}
