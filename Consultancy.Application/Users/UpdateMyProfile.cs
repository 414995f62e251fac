using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Users;

public sealed record UpdateMyProfile : IRequest<Unit>
{
    [Display(Name = "Display name")] public string DisplayName { get; set; } = "";
    [Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "UTC";
    [Display(Name = "Email me a daily digest")] public bool DailyDigest { get; set; } = true;
}

public sealed record GetMyProfile : IRequest<UpdateMyProfile>;

internal sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfile>
{
    public UpdateMyProfileValidator()
    {
        this.DisplayNameRule(u => u.DisplayName);
        this.TimeZoneRule(u => u.TimeZoneId);
    }
}

internal sealed class GetMyProfileHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetMyProfile, UpdateMyProfile>
{
    public async Task<UpdateMyProfile> Handle(GetMyProfile request, CancellationToken ct) =>
        await db.UserProfiles.Where(u => u.Id == user.UserId)
            .Select(u => new UpdateMyProfile { DisplayName = u.DisplayName, TimeZoneId = u.TimeZoneId, DailyDigest = !u.DigestOptedOut })
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("User", user.UserId ?? "(anonymous)");
}

internal sealed class UpdateMyProfileHandler(IAppDbContext db, ICurrentUser user)
    : IRequestHandler<UpdateMyProfile, Unit>
{
    public async Task<Unit> Handle(UpdateMyProfile request, CancellationToken ct)
    {
        var profile = await db.FindProfileAsync(user.UserId ?? "", ct);
        profile.DisplayName = request.DisplayName.Trim();
        profile.TimeZoneId = request.TimeZoneId;
        profile.DigestOptedOut = !request.DailyDigest;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
