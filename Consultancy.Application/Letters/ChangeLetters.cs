using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Paging;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

public enum BulkLetterAction
{
    /// <summary>Uploaded today, in each client's own zone.</summary>
    MarkUploaded,
    /// <summary>The request email sent to the referee again.</summary>
    Resend,
    UndoUpload,
}

/// <summary>
/// One action on a ticked selection of letters, in one save: all change or none, with the applicant's reminders and
/// the referees' follow-ups re-planned together. A letter the action does not fit (already declined, already
/// confirmed) is skipped with the reason; an id that names no letter of the caller's caseload — deleted, or another
/// consultant's — is skipped as not found, the same answer either way.
/// </summary>
public sealed record ChangeLetters(IReadOnlyList<int> LetterIds, BulkLetterAction Action) : IRequest<BulkChange>;

internal sealed class ChangeLettersValidator : AbstractValidator<ChangeLetters>
{
    public ChangeLettersValidator()
    {
        RuleFor(c => c.LetterIds).NotEmpty().WithMessage("Tick at least one letter.");
        RuleFor(c => c.LetterIds.Count).LessThanOrEqualTo(Paging.PageSizes[^1])
            .WithMessage($"Tick at most {Paging.PageSizes[^1]} letters at a time.").When(c => c.LetterIds is not null);
        RuleFor(c => c.Action).IsInEnum().WithMessage("Choose what to do with the ticked letters.");
    }
}

internal sealed class ChangeLettersHandler(IAppDbContext db, LetterStatusChanges changes, TimeProvider clock)
    : IRequestHandler<ChangeLetters, BulkChange>
{
    public async Task<BulkChange> Handle(ChangeLetters request, CancellationToken ct)
    {
        var ids = request.LetterIds.Distinct().ToList();
        var letters = await db.LetterRequests.Include(l => l.Client).ThenInclude(c => c!.Consultant).Include(l => l.Deadline)
            .Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync(ct);
        var skipped = letters.Select(l => WhyNot(l, request.Action)).OfType<string>()
            .Concat(Enumerable.Repeat(BulkChange.NotFound, ids.Count - letters.Count)).ToList();
        var changing = letters.Where(l => WhyNot(l, request.Action) is null).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Action)
        {
            case BulkLetterAction.MarkUploaded:
                changing.ForEach(letter => changes.Record(letter, LetterStatus.Uploaded, LetterActor.Consultant, null, null));
                break;
            case BulkLetterAction.Resend:
                var template = await db.LetterRequestTemplates.CurrentAsync(ct);
                foreach (var letter in changing)
                {
                    letter.MarkRequested(now);
                    db.OutboxMessages.Add(OutboxMessage.RefereeRequest(letter, letter.RequestsSent, template, now));
                }
                break;
            default:
                changing.ForEach(letter => letter.UndoUpload(now));
                break;
        }
        await changes.ReplanAsync(changing, ct);
        await db.SaveChangesAsync(ct);
        return BulkChange.Of(changing.Count, skipped);
    }

    /// <summary>Why the action does not fit the letter as it is now, or null when it does.</summary>
    private static string? WhyNot(LetterRequest letter, BulkLetterAction action)
    {
        var fits = action switch
        {
            BulkLetterAction.MarkUploaded => letter.IsActive,
            BulkLetterAction.Resend => letter.MayBeRequested,
            _ => letter.Status == LetterStatus.Uploaded,
        };
        return fits ? null
            : action == BulkLetterAction.UndoUpload ? "not uploaded"
            : $"already {letter.Status.ToString().ToLowerInvariant()}";
    }
}
