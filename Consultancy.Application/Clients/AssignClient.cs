using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.Clients;

public sealed record AssignClient(int ClientId, string ConsultantId) : IRequest<Unit>;

internal sealed class AssignClientHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<AssignClient, Unit>
{
    public async Task<Unit> Handle(AssignClient request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        if (string.IsNullOrEmpty(request.ConsultantId) || !await db.IsActiveStaffAsync(request.ConsultantId, ct))
            throw new ValidationException(nameof(request.ConsultantId), "Choose an active consultant.");

        client.AssignTo(request.ConsultantId);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
