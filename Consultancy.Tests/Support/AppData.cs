using Consultancy.Application.Domain;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

/// <summary>Arranges and reads the app's database directly, past the caseload rule, for page tests.</summary>
public static class AppData
{
    public static async Task<int> AddClientAsync(this AppFactory app, string consultantId, ClientStage stage, string firstName, string lastName,
        string? season = "ERAS 2028", bool archived = false, DateTime? updatedAt = null, Action<Client>? change = null)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var form = ClientBuilder.NewClient(firstName, lastName);
        form.Season = season;
        var client = Client.Open(consultantId, stage, DateTime.UtcNow, null);
        form.ApplyTo(client);
        change?.Invoke(client);
        if (archived) client.Archive(DateTime.UtcNow);
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        if (updatedAt is { } at)
            await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, at));
        return client.Id;
    }

    public static async Task AddDeadlineAsync(this AppFactory app, int clientId, string title, DateOnly due, DeadlineStatus status = DeadlineStatus.Open,
        DeadlineCategory category = DeadlineCategory.Exam)
    {
        await using var scope = app.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.Clients.SingleAsync(c => c.Id == clientId);
        var deadline = new Deadline(client, DateTime.UtcNow) { Title = title, Category = category };
        deadline.MoveByHand(due);
        deadline.AnchorTo(TimeZones.Find(client.TimeZoneId));
        db.Deadlines.Add(deadline);
        await db.SaveChangesAsync();
        if (status != DeadlineStatus.Open)
            await db.Deadlines.Where(d => d.Id == deadline.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status));
    }

    public static async Task<T> QueryAsync<T>(this AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
