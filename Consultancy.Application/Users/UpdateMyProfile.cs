using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
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

internal sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfile>
{
    public UpdateMyProfileValidator()
    {
        this.DisplayNameRule(u => u.DisplayName);
        this.TimeZoneRule(u => u.TimeZoneId);
    }
}

internal sealed class UpdateMyProfileHandler(IAppDbContext db, ICurrentUser user)
    : IRequestHandler<UpdateMyProfile, Unit>
{
    public async Task<Unit> Handle(UpdateMyProfile request, CancellationToken ct)
    {
        var profile = await db.MyProfileAsync(user, ct);
        profile.DisplayName = request.DisplayName.Trim();
        profile.TimeZoneId = request.TimeZoneId;
        profile.DigestOptedOut = !request.DailyDigest;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
