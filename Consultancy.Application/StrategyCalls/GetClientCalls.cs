using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>A client's calls for their page, latest first.</summary>
public sealed record GetClientCalls(int ClientId) : IRequest<IReadOnlyList<CallListItem>>;

internal sealed class GetClientCallsHandler(IAppDbContext db) : IRequestHandler<GetClientCalls, IReadOnlyList<CallListItem>>
{
    public async Task<IReadOnlyList<CallListItem>> Handle(GetClientCalls request, CancellationToken ct) =>
        await db.StrategyCalls.Where(c => c.ClientId == request.ClientId)
            .OrderByDescending(c => c.StartUtc)
            .Select(CallListItem.FromCall)
            .ToListAsync(ct);
}
