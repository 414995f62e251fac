using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

/// <summary>Archives a client (hidden from the default list, kept with its history), or restores one.</summary>
public sealed record ArchiveClient(int ClientId, bool Archived = true) : IRequest<Unit>;

internal sealed class ArchiveClientHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<ArchiveClient, Unit>
{
    public async Task<Unit> Handle(ArchiveClient request, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, ct)
            ?? throw new NotFoundException(nameof(Client), request.ClientId);
        if (request.Archived) client.Archive(clock.GetUtcNow().UtcDateTime);
        else client.Restore();
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
