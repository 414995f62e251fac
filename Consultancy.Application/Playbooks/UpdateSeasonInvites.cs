using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// When a season's interview invites are expected by and how many a client needs by then; a client with fewer is on
/// the dashboard's "clients at risk". Both blank: the season watches no invites.
/// </summary>
public sealed record UpdateSeasonInvites : IRequest<Unit>
{
    public int SeasonId { get; set; }
    [Display(Name = "Invites expected by")] public DateOnly? InvitesExpectedBy { get; set; }
    [Display(Name = "Minimum invites")] public int? MinimumInvites { get; set; }
}

internal sealed class UpdateSeasonInvitesValidator : AbstractValidator<UpdateSeasonInvites>
{
    public const int MostInvites = 100;

    public UpdateSeasonInvitesValidator()
    {
        RuleFor(s => s.MinimumInvites).InclusiveBetween(1, MostInvites)
            .WithMessage($"Enter a minimum of 1 to {MostInvites} invites.");
        RuleFor(s => s.InvitesExpectedBy)
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("Enter a date between 2000 and 2100.");
    }
}

internal sealed class UpdateSeasonInvitesHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<UpdateSeasonInvites, Unit>
{
    public async Task<Unit> Handle(UpdateSeasonInvites request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        season.ExpectInvites(request.InvitesExpectedBy, request.MinimumInvites);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
