using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

/// <summary>Active staff a client can be assigned to.</summary>
public sealed record GetStaffOptions : IRequest<IReadOnlyList<StaffOption>>;

internal sealed class GetStaffOptionsHandler(IAppDbContext db) : IRequestHandler<GetStaffOptions, IReadOnlyList<StaffOption>>
{
    public async Task<IReadOnlyList<StaffOption>> Handle(GetStaffOptions request, CancellationToken ct) =>
        await db.UserProfiles.Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new StaffOption(u.Id, u.DisplayName, u.IsActive))
            .ToListAsync(ct);
}
