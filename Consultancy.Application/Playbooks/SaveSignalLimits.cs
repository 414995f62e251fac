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
/// Adds a specialty's ERAS program signal limits to a season (<see cref="LimitId"/> null) or changes a row. A blank
/// limit is no limit; the applications page warns when a client's signals go over one.
/// </summary>
public sealed record SaveSignalLimits : IRequest<Unit>
{
    public int SeasonId { get; set; }
    public int? LimitId { get; set; }
    public string Specialty { get; set; } = "";
    [Display(Name = "Program signals")] public int? Signals { get; set; }
    [Display(Name = "Gold signals")] public int? Gold { get; set; }
    [Display(Name = "Silver signals")] public int? Silver { get; set; }
}

internal sealed class SaveSignalLimitsValidator : AbstractValidator<SaveSignalLimits>
{
    public const int MostSignals = 100;

    public SaveSignalLimitsValidator()
    {
        RuleFor(l => l.Specialty).SingleLine().NotEmpty().WithMessage("Name the specialty, as the program directory spells it, e.g. Internal Medicine.")
            .MaximumLength(100);
        RuleFor(l => l.Signals).InclusiveBetween(0, MostSignals).WithMessage($"Program signals: enter 0 to {MostSignals}, or leave blank for no limit.");
        RuleFor(l => l.Gold).InclusiveBetween(0, MostSignals).WithMessage($"Gold signals: enter 0 to {MostSignals}, or leave blank for no limit.");
        RuleFor(l => l.Silver).InclusiveBetween(0, MostSignals).WithMessage($"Silver signals: enter 0 to {MostSignals}, or leave blank for no limit.");
        RuleFor(l => l.Signals).Must((l, _) => l.Signals is not null || l.Gold is not null || l.Silver is not null)
            .WithMessage("Give at least one limit, or remove the row.");
    }
}

internal sealed class SaveSignalLimitsHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<SaveSignalLimits, Unit>
{
    public async Task<Unit> Handle(SaveSignalLimits request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.Include(s => s.SignalLimits).SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        var limit = request.LimitId is { } id
            ? season.SignalLimits.SingleOrDefault(l => l.Id == id) ?? throw new NotFoundException(nameof(SeasonSignalLimit), id)
            : null;
        season.SetSignalLimits(limit, request.Specialty.Trim(), request.Signals, request.Gold, request.Silver);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
