using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Letters;

/// <summary>The consultant records by hand what the referee told them: confirmed, declined (with a reason), uploaded (on a date), or cancels the letter.</summary>
public sealed record RecordLetterStatus(int LetterId, LetterStatus Status, string? Reason = null, DateOnly? UploadedOn = null) : IRequest<int>;

internal sealed class RecordLetterStatusValidator : AbstractValidator<RecordLetterStatus>
{
    public RecordLetterStatusValidator()
    {
        RuleFor(r => r.Status).Must(s => s is LetterStatus.Confirmed or LetterStatus.Declined or LetterStatus.Uploaded or LetterStatus.Cancelled)
            .WithMessage("Choose confirmed, declined, uploaded or cancelled.");
        RuleFor(r => r.Reason).SingleLine().MaximumLength(500).WithMessage("A reason has at most 500 characters.");
        RuleFor(r => r.UploadedOn).NotNull().When(r => r.Status == LetterStatus.Uploaded).WithMessage("Enter the date the letter was uploaded.");
    }
}

/// <returns>The client the letter belongs to.</returns>
internal sealed class RecordLetterStatusHandler(IAppDbContext db, LetterStatusChanges changes, TimeProvider clock)
    : IRequestHandler<RecordLetterStatus, int>
{
    public async Task<int> Handle(RecordLetterStatus request, CancellationToken ct)
    {
        var letter = await db.LetterRequests.GetAsync(request.LetterId, ct);
        if (request.UploadedOn is { } day && day > LocalTimes.Today(clock.GetUtcNow().UtcDateTime, TimeZones.Find(letter.Client!.TimeZoneId)).AddDays(1))
            throw new Common.Exceptions.ValidationException(nameof(request.UploadedOn), "The upload date cannot be in the future.");
        await changes.ApplyAsync(letter, request.Status, LetterActor.Consultant, request.Reason, request.UploadedOn, ct);
        await db.SaveChangesAsync(ct);
        return letter.ClientId;
    }
}
