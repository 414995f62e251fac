using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Reminders;
using MediatR;

namespace Consultancy.Application.Clients;

/// <summary>Archives a client (hidden from the default list, kept with its history), or restores one.</summary>
public sealed record ArchiveClient(int ClientId, bool Archived = true) : IRequest<Unit>;

internal sealed class ArchiveClientHandler(IAppDbContext db, ReminderPlanner planner, TimeProvider clock) : IRequestHandler<ArchiveClient, Unit>
{
    public async Task<Unit> Handle(ArchiveClient request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        if (request.Archived) client.Archive(clock.GetUtcNow().UtcDateTime);
        else client.Restore();
        await planner.ReplanClientAsync(client, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
