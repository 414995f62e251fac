using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Clients;

public sealed record AssignClient(int ClientId, string ConsultantId) : IRequest<Unit>;

internal sealed class AssignClientHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<AssignClient, Unit>
{
    public async Task<Unit> Handle(AssignClient request, CancellationToken ct)
    {
        if (!user.IsAdmin) throw new ForbiddenException("Only admins reassign clients.");
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == request.ClientId, ct)
            ?? throw new NotFoundException(nameof(Client), request.ClientId);
        if (string.IsNullOrEmpty(request.ConsultantId) || !await db.IsActiveStaffAsync(request.ConsultantId, ct))
            throw new ValidationException(nameof(request.ConsultantId), "Choose an active consultant.");

        client.AssignTo(request.ConsultantId);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
