using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Reminders;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Infrastructure.Seeding;

/// <summary>
/// Demo data for trying the product: two consultants and about forty IMG clients across stages, systems
/// and seasons. Idempotent: runs on every start with <c>Seed:Demo=true</c> and only adds what is missing.
/// </summary>
public static class DemoSeeder
{
    public static readonly (string Email, string Name, string TimeZone)[] Consultants =
    [
        ("consultant1@example.com", "Maya Patel", "America/New_York"),
        ("consultant2@example.com", "Daniel Reyes", "America/Toronto"),
    ];

    private sealed record Origin(string School, string Country, string TimeZone, ImgType Img, VisaNeed Visa, string Citizenship, string[] First, string[] Last);

    private static readonly Origin[] Origins =
    [
        new("King Edward Medical University", "Pakistan", "Asia/Karachi", ImgType.NonUsImg, VisaNeed.J1, "Pakistani",
            ["Ayesha", "Bilal", "Hira", "Usman"], ["Khan", "Qureshi", "Malik", "Siddiqui"]),
        new("Maulana Azad Medical College", "India", "Asia/Kolkata", ImgType.NonUsImg, VisaNeed.J1OrH1B, "Indian",
            ["Priya", "Arjun", "Ananya", "Rohan"], ["Sharma", "Iyer", "Reddy", "Nair"]),
        new("University of Lagos College of Medicine", "Nigeria", "Africa/Lagos", ImgType.NonUsImg, VisaNeed.J1, "Nigerian",
            ["Chinedu", "Ngozi", "Tunde", "Adaeze"], ["Okafor", "Adeyemi", "Eze", "Balogun"]),
        new("Cairo University Faculty of Medicine", "Egypt", "Africa/Cairo", ImgType.NonUsImg, VisaNeed.H1B, "Egyptian",
            ["Omar", "Mariam", "Youssef", "Nour"], ["Hassan", "Mahmoud", "Farouk", "Saleh"]),
        new("St. George's University", "Grenada", "America/New_York", ImgType.UsImg, VisaNeed.None, "US citizen",
            ["Emily", "Jason", "Sofia", "Michael"], ["Rodriguez", "Nguyen", "Cohen", "Thompson"]),
        new("University of Santo Tomas", "Philippines", "Asia/Manila", ImgType.NonUsImg, VisaNeed.J1, "Filipino",
            ["Maria", "Jose", "Angelica", "Paolo"], ["Santos", "Reyes", "Cruz", "Bautista"]),
        new("Universidad Autónoma de Guadalajara", "Mexico", "America/Mexico_City", ImgType.NonUsImg, VisaNeed.J1, "Mexican",
            ["Valeria", "Diego", "Camila", "Alejandro"], ["García", "Hernández", "López", "Martínez"]),
        new("Royal College of Surgeons in Ireland", "Ireland", "America/Toronto", ImgType.CanadianImg, VisaNeed.None, "Canadian citizen",
            ["Olivia", "Liam", "Fatima", "Ethan"], ["Tremblay", "MacDonald", "Ahmed", "Wilson"]),
        new("Tehran University of Medical Sciences", "Iran", "America/Vancouver", ImgType.CanadianImg, VisaNeed.None, "Canadian permanent resident",
            ["Sara", "Reza", "Leila", "Ali"], ["Hosseini", "Karimi", "Rahimi", "Moradi"]),
        new("Bogomolets National Medical University", "Ukraine", "Europe/Kyiv", ImgType.NonUsImg, VisaNeed.H1B, "Ukrainian",
            ["Olena", "Andriy", "Iryna", "Dmytro"], ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko"]),
    ];

    /// <summary>
    /// Deadlines a week ahead whose first reminder (7 days before) is brought forward to a few minutes after
    /// the first start, so a new user sees reminders go out — as .eml files and as Sent in the outbox — at once.
    /// </summary>
    public static readonly (string Title, DeadlineCategory Category, TimeSpan FirstReminderAfterStart)[] FirstMinutesDeadlines =
    [
        ("Upload your updated CV for review", DeadlineCategory.Documents, TimeSpan.FromMinutes(1)),
        ("Send your personal statement draft", DeadlineCategory.Documents, TimeSpan.FromMinutes(2)),
        ("Book a mock interview session", DeadlineCategory.Interview, TimeSpan.FromMinutes(3)),
    ];

    private const int FirstMinutesOffsetDays = 7;

    private static readonly string[] Specialties =
        ["Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Pathology", "Internal Medicine, Family Medicine", "Neurology"];

    public static async Task SeedAsync(IServiceProvider provider, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException("Seed:DemoPassword is required when Seed:Demo is true.");

        var db = provider.GetRequiredService<AppDbContext>();
        var accounts = provider.GetRequiredService<IUserAccounts>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var consultantIds = new List<string>();
        foreach (var (email, name, zone) in Consultants)
        {
            var existing = await db.UserProfiles.SingleOrDefaultAsync(u => u.Email == email, ct);
            if (existing is not null) { consultantIds.Add(existing.Id); continue; }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = await accounts.CreateAsync(email, UserRole.Consultant, password, ct);
            db.UserProfiles.Add(new UserProfile(id, email, name, zone, UserRole.Consultant, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            consultantIds.Add(id);
        }

        await SeedAvailabilityAsync(db, consultantIds, now, ct);

        var existingEmails = (await db.Clients.Select(c => c.Email).ToListAsync(ct)).ToHashSet();
        var seasons = await db.Seasons.AsNoTracking().Include(s => s.KeyDates).ToListAsync(ct);
        foreach (var client in DemoClients(consultantIds, seasons, now).Where(c => !existingEmails.Contains(c.Email)))
            db.Clients.Add(client);
        await db.SaveChangesAsync(ct);

        // Each demo client gets its season's plan; applying is idempotent, so a restart adds nothing twice.
        var playbooks = provider.GetRequiredService<PlaybookApplication>();
        foreach (var season in await db.Seasons.Include(s => s.KeyDates).ToListAsync(ct))
        {
            var planning = await db.Clients
                .Where(c => c.Email.EndsWith("@example.org") && c.Season == season.Name && !c.IsArchived
                    && (c.TargetSystem == season.System || c.TargetSystem == TargetSystem.Both))
                .ToListAsync(ct);
            await playbooks.ApplyAsync(season, planning, ct);
        }

        // Plan steps already behind the demo clients are done, as they would be for real clients mid-season.
        var today = DateOnly.FromDateTime(now);
        var behind = await db.Deadlines.Include(d => d.Client)
            .Where(d => d.Client!.Email.EndsWith("@example.org") && d.Status == DeadlineStatus.Open && d.DueDate < today)
            .ToListAsync(ct);
        foreach (var deadline in behind) deadline.Complete(now, null);
        await provider.GetRequiredService<ReminderPlanner>().ReplanAsync(behind, ct);
        await db.SaveChangesAsync(ct);

        await AddFirstMinutesDeadlinesAsync(db, provider.GetRequiredService<ReminderPlanner>(), now, ct);
        await DemoLetters.SeedAsync(provider, now, ct);
        await DemoPrograms.SeedAsync(db, consultantIds[0], now, ct);
        await DemoApplications.SeedAsync(provider, now, ct);
    }

    /// <summary>
    /// Each of <see cref="FirstMinutesDeadlines"/> once (a restart finds it by its title and adds nothing): due in
    /// a week in the client's zone, planned as usual, then its 7-days-before reminder — due at the send hour today,
    /// possibly already past — set to go out minutes from now instead. Re-planning later puts it back on the
    /// usual schedule; once sent it is history like any other.
    /// </summary>
    private static async Task AddFirstMinutesDeadlinesAsync(AppDbContext db, ReminderPlanner planner, DateTime now, CancellationToken ct)
    {
        var titles = FirstMinutesDeadlines.Select(d => d.Title).ToList();
        var existing = await db.Deadlines.Where(d => titles.Contains(d.Title) && d.Client!.Email.EndsWith("@example.org"))
            .Select(d => d.Title).ToListAsync(ct);
        if (existing.Count == FirstMinutesDeadlines.Length) return;

        // Clients mid-application who still get reminders, one per deadline, in different time zones.
        var clients = (await db.Clients
                .Where(c => c.Email.EndsWith("@example.org") && !c.IsArchived && !c.RemindersOptedOut
                    && (c.Stage == ClientStage.Onboarding || c.Stage == ClientStage.Documents || c.Stage == ClientStage.Applied))
                .OrderBy(c => c.Id)
                .ToListAsync(ct))
            .DistinctBy(c => c.TimeZoneId)
            .Take(FirstMinutesDeadlines.Length)
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var added = new List<(Deadline Deadline, DateTime FirstReminderAt)>();
        for (var i = 0; i < Math.Min(FirstMinutesDeadlines.Length, clients.Count); i++)
        {
            var (title, category, after) = FirstMinutesDeadlines[i];
            if (existing.Contains(title)) continue;
            var client = clients[i];
            var zone = TimeZones.Find(client.TimeZoneId);
            var deadline = new Deadline(client, now)
            {
                Title = title,
                Category = category,
                DueDate = LocalTimes.Today(now, zone).AddDays(FirstMinutesOffsetDays),
                ReminderOffsets = new ReminderOffsets([FirstMinutesOffsetDays, 1]),
            };
            deadline.AnchorTo(zone);
            db.Deadlines.Add(deadline);
            added.Add((deadline, now + after));
        }
        await db.SaveChangesAsync(ct);
        await planner.ReplanAsync([.. added.Select(a => a.Deadline)], ct);
        await db.SaveChangesAsync(ct);

        foreach (var (deadline, firstReminderAt) in added)
        {
            var key = OutboxMessage.ReminderKey(deadline.Id, ReminderOffset.Days(FirstMinutesOffsetDays));
            var first = await db.OutboxMessages.SingleOrDefaultAsync(m => m.DedupKey == key, ct);
            // Not planned at all when the send hour has already passed in the client's zone today.
            if (first is null)
                db.OutboxMessages.Add(OutboxMessage.Reminder(deadline, ReminderOffset.Days(FirstMinutesOffsetDays), deadline.Client!.Email, firstReminderAt, now));
            else
                first.Reschedule(firstReminderAt);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Both demo consultants take bookings on weekdays, so /book works out of the box; set once, never overwritten.</summary>
    private static async Task SeedAvailabilityAsync(AppDbContext db, IReadOnlyList<string> consultantIds, DateTime now, CancellationToken ct)
    {
        var configured = await db.ConsultantAvailabilities.Where(a => consultantIds.Contains(a.ConsultantId)).Select(a => a.ConsultantId).ToListAsync(ct);
        foreach (var (id, (_, name, _)) in consultantIds.Zip(Consultants).Where(pair => !configured.Contains(pair.First)))
        {
            var slug = name.ToLowerInvariant().Replace(' ', '-');
            var availability = new ConsultantAvailability(id, $"{name}, residency application advisor", slug, now)
            {
                IsBookable = true,
                MeetingLink = $"https://meet.example.com/{slug}",
                BufferMinutes = 10,
            };
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                availability.Weekly.Add(new WeeklyHours(day, new TimeOnly(9, 0), new TimeOnly(12, 0)));
                availability.Weekly.Add(new WeeklyHours(day, new TimeOnly(13, 0), new TimeOnly(17, 0)));
            }
            // Evening hours on Tuesdays and Thursdays, for applicants many time zones east.
            availability.Weekly.Add(new WeeklyHours(DayOfWeek.Tuesday, new TimeOnly(19, 0), new TimeOnly(21, 0)));
            availability.Weekly.Add(new WeeklyHours(DayOfWeek.Thursday, new TimeOnly(19, 0), new TimeOnly(21, 0)));
            db.ConsultantAvailabilities.Add(availability);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The furthest stage a client of <paramref name="season"/> can plausibly have reached on <paramref name="today"/>:
    /// no applications before they go out, no interviews before programs invite, no rank list before interviews, and
    /// no match outcome before Match Day. Withdrawing is possible at any time.
    /// </summary>
    private static ClientStage LatestStage(Season? season, DateOnly today)
    {
        if (season is null) return ClientStage.Documents;
        var (submit, interviews) = (DemoApplications.ApplicationsGoOut(season), DemoApplications.InterviewsStart(season));
        var (rankList, matchDay) = (season.KeyDate(Season.RankListKey)?.Date, season.KeyDate("match-day")?.Date);
        if (submit is null || interviews is null || rankList is null || matchDay is null) return ClientStage.Documents;
        if (today < submit) return ClientStage.Documents;
        if (today < interviews) return ClientStage.Applied;
        if (today < rankList) return ClientStage.Interviewing;
        // Matched and Unmatched both come after Match Day: the last stages of all.
        return today < matchDay ? ClientStage.RankListSubmitted : ClientStage.Unmatched;
    }

    private static IEnumerable<Client> DemoClients(IReadOnlyList<string> consultantIds, IReadOnlyList<Season> seasons, DateTime now)
    {
        var stages = Enum.GetValues<ClientStage>();
        var random = new Random(2028);
        var n = 0;
        foreach (var origin in Origins)
        for (var i = 0; i < 4; i++, n++)
        {
            var first = origin.First[i];
            var last = origin.Last[(i + n) % origin.Last.Length];
            var canadian = origin.Img == ImgType.CanadianImg;
            var system = canadian ? (n % 3 == 0 ? TargetSystem.Both : TargetSystem.CaRMS) : TargetSystem.ErasNrmp;
            var seasonName = system == TargetSystem.CaRMS ? (i % 2 == 0 ? "CaRMS 2027" : "CaRMS 2028") : (i % 2 == 0 ? "ERAS 2027" : "ERAS 2028");
            var stage = stages[n % stages.Length];
            var latest = LatestStage(seasons.FirstOrDefault(s => s.Name == seasonName), DateOnly.FromDateTime(now));
            if (stage != ClientStage.Withdrawn && stage > latest) stage = latest;
            var client = Client.Open(consultantIds[n % consultantIds.Count], stage, now.AddDays(-random.Next(10, 400)), null);
            client.FirstName = first;
            client.LastName = last;
            client.Email = $"{Ascii(first)}.{Ascii(last)}{n}@example.org".ToLowerInvariant();
            client.Phone = $"+1 555 01{n:00} {random.Next(1000, 9999)}";
            client.Country = canadian ? "Canada" : origin.Country;
            client.TimeZoneId = origin.TimeZone;
            client.MedicalSchool = origin.School;
            client.MedicalSchoolCountry = origin.Country;
            client.GraduationYear = 2018 + random.Next(0, 8);
            client.ImgType = origin.Img;
            client.Citizenship = origin.Citizenship;
            client.VisaNeed = origin.Visa;
            client.Step1Result = canadian ? ExamResult.NotTaken : ExamResult.Pass;
            client.Step2CkScore = canadian ? null : 225 + random.Next(0, 40);
            client.Step2CkDate = canadian ? null : new DateOnly(2025, 1 + random.Next(0, 12), 1 + random.Next(0, 27));
            client.Mccqe1Result = canadian ? ExamResult.Pass : ExamResult.NotTaken;
            client.NacOsceResult = canadian ? (i % 2 == 0 ? ExamResult.Pass : ExamResult.Scheduled) : ExamResult.NotTaken;
            client.LanguageTest = origin.Country is "Egypt" or "Iran" or "Ukraine" or "Mexico" ? "OET" : null;
            client.EcfmgStatus = canadian ? EcfmgStatus.NotApplicable : (EcfmgStatus)(i % 3);
            client.TargetSystem = system;
            client.Season = seasonName;
            client.TargetSpecialties = Specialties[n % Specialties.Length];
            client.ProgramsPlanned = system == TargetSystem.CaRMS ? 20 + random.Next(0, 30) : 80 + random.Next(0, 170);
            client.Source = (ClientSource)(n % 6);
            client.Tags = Tags.Normalise(n % 5 == 0 ? "priority, needs-usce" : n % 7 == 0 ? "scholarship" : "");
            yield return client;
        }
    }

    private static string Ascii(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}
