using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultancy.Tests.Web;

/// <summary>The outbox page's queries do not grow with the outbox, and no tab counts what it does not show.</summary>
public sealed class OutboxQueryTests(OutboxQueryTests.QuietApp app) : IClassFixture<OutboxQueryTests.QuietApp>
{
    [Fact]
    public async Task The_outbox_page_reads_the_same_few_queries_whatever_the_number_of_messages()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        await MessagesAsync(3);
        var few = await QueriesAsync(admin, "/Outbox");
        await MessagesAsync(120);
        var many = await QueriesAsync(admin, "/Outbox");
        var failedTab = await QueriesAsync(admin, "/Outbox?status=Failed");

        Assert.Equal(few, many);
        // The failed tab's own count is its failed count.
        Assert.Equal(many - 1, failedTab);
    }

    private async Task<int> QueriesAsync(BrowserlessSession session, string url)
    {
        await session.GetPageAsync(url);
        app.SqlCommands.Clear();
        await session.GetPageAsync(url);
        return app.SqlCommands.Count;
    }

    private async Task MessagesAsync(int count)
    {
        await app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            for (var n = 0; n < count; n++)
            {
                var message = OutboxMessage.Fixed(OutboxKind.Account, $"budget:{Guid.NewGuid()}", $"budget{n}@mail.test", "Budget", "Budget", null, now.AddDays(n + 1));
                message.Status = (OutboxStatus)(n % 4);
                db.OutboxMessages.Add(message);
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The app without its background jobs, so every query counted is the page's own.</summary>
    public sealed class QuietApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var jobs in services.Where(s => s.ServiceType == typeof(IHostedService)
                    && s.ImplementationType?.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true).ToList())
                    services.Remove(jobs);
            });
        }
    }
}
