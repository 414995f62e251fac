using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.ProgramApplications;

public enum BulkApplicationAction
{
    MarkApplied,
    Withdraw,
    SetTier,
    AssignLetter,
    UnassignLetter,
}

/// <summary>One action on a selection of a client's applications, all or nothing.</summary>
/// <returns>How many applications changed.</returns>
public sealed record ChangeApplications(int ClientId, IReadOnlyList<int> ApplicationIds, BulkApplicationAction Action,
    ApplicationTier? Tier = null, int? LetterId = null) : IRequest<int>;

internal sealed class ChangeApplicationsValidator : AbstractValidator<ChangeApplications>
{
    public ChangeApplicationsValidator()
    {
        RuleFor(r => r.ApplicationIds).NotEmpty().WithMessage("Tick at least one application.");
        RuleFor(r => r.Action).IsInEnum();
        RuleFor(r => r.Tier).NotNull().WithMessage("Choose the tier to set.").When(r => r.Action == BulkApplicationAction.SetTier);
        RuleFor(r => r.LetterId).NotNull().WithMessage("Choose the letter.")
            .When(r => r.Action is BulkApplicationAction.AssignLetter or BulkApplicationAction.UnassignLetter);
    }
}

internal sealed class ChangeApplicationsHandler(IAppDbContext db, InterviewPlanner planner) : IRequestHandler<ChangeApplications, int>
{
    public async Task<int> Handle(ChangeApplications request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var ids = request.ApplicationIds.Distinct().ToList();
        var applications = await db.ProgramApplications.ForPlanning()
            .Where(a => a.ClientId == client.Id && ids.Contains(a.Id)).ToListAsync(ct);
        if (applications.Count != ids.Count) throw new ValidationException(nameof(request.ApplicationIds), "One of the ticked applications is gone; reload the page.");

        await using var transaction = await db.BeginTransactionAsync(ct);
        var changed = request.Action switch
        {
            BulkApplicationAction.MarkApplied => await MoveAsync(applications.Where(a => a.Status == ApplicationStatus.Researching), ApplicationStatus.Applied, ct),
            BulkApplicationAction.Withdraw => await MoveAsync(applications.Where(a => a.Status != ApplicationStatus.Withdrawn), ApplicationStatus.Withdrawn, ct),
            BulkApplicationAction.SetTier => SetTier(applications, request.Tier!.Value),
            BulkApplicationAction.AssignLetter => await AssignAsync(applications, request.ClientId, request.LetterId!.Value, ct),
            _ => await UnassignAsync(applications, request.ClientId, request.LetterId!.Value, ct),
        };
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    private async Task<int> MoveAsync(IEnumerable<ProgramApplication> applications, ApplicationStatus status, CancellationToken ct)
    {
        var moving = applications.ToList();
        await planner.PlanRemindersAsync(moving.SelectMany(a => planner.Move(a, status)).ToList(), ct);
        return moving.Count;
    }

    private static int SetTier(List<ProgramApplication> applications, ApplicationTier tier)
    {
        var changing = applications.Where(a => a.Tier != tier).ToList();
        changing.ForEach(a => a.Tier = tier);
        return changing.Count;
    }

    /// <summary>Adds the letter to the ticked applications, under the letter's own rules (its system, no new letter to a closed application).</summary>
    private async Task<int> AssignAsync(List<ProgramApplication> applications, int clientId, int letterId, CancellationToken ct)
    {
        var letter = await LetterAsync(clientId, letterId, ct);
        return letter.AssignTo(letter.Assignments.Select(a => a.Application!).Concat(applications).ToList());
    }

    private async Task<int> UnassignAsync(List<ProgramApplication> applications, int clientId, int letterId, CancellationToken ct)
    {
        var letter = await LetterAsync(clientId, letterId, ct);
        var ticked = applications.Select(a => a.Id).ToHashSet();
        return letter.AssignTo(letter.Assignments.Select(a => a.Application!).Where(a => !ticked.Contains(a.Id)).ToList());
    }

    private async Task<LetterRequest> LetterAsync(int clientId, int letterId, CancellationToken ct) =>
        await db.LetterRequests.WithAssignments().SingleOrDefaultAsync(l => l.Id == letterId && l.ClientId == clientId, ct)
        ?? throw new ValidationException(nameof(ChangeApplications.LetterId), "That letter is not one of this client's.");
}
