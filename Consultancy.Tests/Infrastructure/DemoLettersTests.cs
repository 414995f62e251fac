using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Seeding;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Infrastructure;

public sealed class DemoLettersTests
{
    [Fact]
    public async Task Demo_letters_cover_every_status_with_their_deadlines_and_seeding_again_adds_nothing()
    {
        await using var app = await ApplicationHarness.StartAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateSystemScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, "Demo-Password-2028!", CancellationToken.None);
        }

        var letters = await app.QueryAsync(db => db.LetterRequests.Include(l => l.Deadline).ToListAsync());
        Assert.InRange(letters.Count, 20, 40);
        Assert.Equal(
            [LetterStatus.Planned, LetterStatus.Requested, LetterStatus.Confirmed, LetterStatus.Uploaded, LetterStatus.Declined],
            letters.Select(l => l.Status).Distinct().Order());
        Assert.All(letters, l => Assert.Equal((DeadlineCategory.Letters, l.DueDate), (l.Deadline!.Category, l.Deadline.DueDate)));
        Assert.All(letters.Where(l => l.Status == LetterStatus.Uploaded), l => Assert.Equal(DeadlineStatus.Done, l.Deadline!.Status));
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKind.LetterFollowUp && m.Status == OutboxStatus.Pending)));
    }
}
