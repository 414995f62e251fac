using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>
/// Changes a key date. With <see cref="MoveFollowingDeadlines"/>, the open deadlines planned from it that
/// nobody moved by hand move with it, and their reminders are re-planned.
/// </summary>
public sealed record UpdateKeyDate : IRequest<int>
{
    public int SeasonId { get; set; }
    public int KeyDateId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? Date { get; set; }
    [Display(Name = "Checked against the official calendar")] public bool Verified { get; set; }
    [Display(Name = "Move the deadlines planned from this date")] public bool MoveFollowingDeadlines { get; set; }
}

internal sealed class UpdateKeyDateValidator : AbstractValidator<UpdateKeyDate>
{
    public UpdateKeyDateValidator()
    {
        RuleFor(k => k.Name).SingleLine().NotEmpty().WithMessage("Name the key date.").MaximumLength(100);
        RuleFor(k => k.Date).NotNull().WithMessage("Enter the date.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("Enter a date between 2000 and 2100.");
    }
}

internal sealed class UpdateKeyDateHandler(IAppDbContext db, ReminderPlanner planner, ICurrentUser user) : IRequestHandler<UpdateKeyDate, int>
{
    public async Task<int> Handle(UpdateKeyDate request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        var keyDate = season.KeyDates.SingleOrDefault(k => k.Id == request.KeyDateId)
            ?? throw new NotFoundException(nameof(SeasonKeyDate), request.KeyDateId);

        keyDate.Name = request.Name.Trim();
        keyDate.Date = request.Date!.Value;
        keyDate.VerifyBeforeUse = !request.Verified;

        var moved = new List<Deadline>();
        if (request.MoveFollowingDeadlines)
        {
            var following = await db.Deadlines.Include(d => d.Client).Include(d => d.PlaybookItem)
                .Where(d => d.SeasonId == season.Id && d.PlaybookItem!.AnchorKey == keyDate.Key)
                .ToListAsync(ct);
            moved = following.Where(d => d.FollowKeyDate(season)).ToList();
            await planner.ReplanAsync(moved, ct);
        }
        await db.SaveChangesAsync(ct);
        return moved.Count;
    }
}
