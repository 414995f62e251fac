using Consultancy.Application.Domain;

namespace ClientListSeeder;

/// <summary>
/// Each client's deadlines as a season leaves them: most open and spread from two months overdue to four
/// months ahead, about a third done, a few cancelled. The same client always gets the same deadlines.
/// </summary>
internal static class BenchmarkDeadlines
{
    private static readonly (string Title, DeadlineCategory Category)[] Kinds =
    [
        ("USMLE Step 2 CK score released", DeadlineCategory.Exam),
        ("Personal statement final draft", DeadlineCategory.Documents),
        ("Upload MSPE and transcript", DeadlineCategory.Documents),
        ("Letters assigned to programs", DeadlineCategory.Letters),
        ("Submit application to programs", DeadlineCategory.Application),
        ("Interview preparation session", DeadlineCategory.Interview),
        ("Thank-you notes after interviews", DeadlineCategory.Interview),
        ("Certify the rank order list", DeadlineCategory.RankList),
        ("J-1 sponsorship documents", DeadlineCategory.Visa),
        ("Update CV with research", DeadlineCategory.Other),
    ];

    public static IEnumerable<Deadline> For(Client client, int number, int count, DateTime now)
    {
        var random = new Random(-number - 1);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZoneId);
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < count; i++)
        {
            var (title, category) = Kinds[i % Kinds.Length];
            var deadline = new Deadline(client, now)
            {
                Title = title,
                Category = category,
                DueDate = today.AddDays(random.Next(-60, 121)),
            };
            deadline.AnchorTo(zone);
            var roll = random.Next(20);
            if (roll < 7) deadline.Complete(now, null);
            else if (roll == 7) deadline.Cancel(now, null);
            yield return deadline;
        }
    }
}
