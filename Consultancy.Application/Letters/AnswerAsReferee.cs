using System.Globalization;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Letters;

/// <summary>
/// The referee answers from their page: confirms, declines (optionally saying why) or reports the letter
/// uploaded (on a date). The letter changes as if the consultant recorded it — on the client's timeline as
/// reported by the referee — and the consultant gets an email about it.
/// </summary>
public sealed record AnswerAsReferee(string Token, LetterStatus Answer, string? Reason = null, DateOnly? UploadedOn = null) : IRequest<RefereeAnswer>;

internal sealed class AnswerAsRefereeValidator : AbstractValidator<AnswerAsReferee>
{
    public AnswerAsRefereeValidator() => RuleFor(a => a.Reason).NoControlCharacters();
}

/// <param name="Problem">Why nothing changed (an answer the letter no longer allows, a date in the future), or null when it did.</param>
public sealed record RefereeAnswer(RefereeLinkState State, string? Problem);

internal sealed class AnswerAsRefereeHandler(
    IAppDbContext db, ILetterLinks links, LetterStatusChanges changes, TimeProvider clock, IOptions<LetterSettings> settings)
    : IRequestHandler<AnswerAsReferee, RefereeAnswer>
{
    private const int MaxReasonLength = 500;

    public async Task<RefereeAnswer> Handle(AnswerAsReferee request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (state, letter) = await db.ResolveAsync(links, request.Token, now, settings, ct);
        if (letter is null) return new RefereeAnswer(state, null);

        if (request.Answer is not (LetterStatus.Confirmed or LetterStatus.Declined or LetterStatus.Uploaded))
            return new RefereeAnswer(state, "Choose one of the answers on this page.");
        if (!letter.RefereeMay(request.Answer))
            return new RefereeAnswer(state, $"This letter is already marked {letter.Status.ToString().ToLowerInvariant()}; nothing was changed.");
        // The referee's zone is unknown: a date up to a day ahead of the applicant's today is accepted.
        var latest = LocalTimes.Today(now, TimeZones.Find(letter.Client!.TimeZoneId)).AddDays(1);
        if (request.UploadedOn is { } day && (day > latest || day.Year < 2000))
            return new RefereeAnswer(state, "The upload date cannot be in the future.");

        var reason = request.Reason is { Length: > MaxReasonLength } text ? text[..MaxReasonLength] : request.Reason;
        await changes.ApplyAsync(letter, request.Answer, LetterActor.Referee, reason, request.UploadedOn, ct);
        if (letter.Client.Consultant is { } consultant)
            db.OutboxMessages.Add(Notice(letter, consultant, now));
        // A double click, or the consultant saving the letter at the same moment: the other change stands.
        return await db.SaveUnlessCrossedAsync(ct)
            ? new RefereeAnswer(state, null)
            : new RefereeAnswer(state, "Your answer crossed with another change to this letter. Please check the page and answer again if needed.");
    }

    private OutboxMessage Notice(LetterRequest letter, UserProfile consultant, DateTime now)
    {
        var applicant = $"{letter.Client!.FirstName} {letter.Client.LastName}";
        var what = letter.Status switch
        {
            LetterStatus.Confirmed => "confirmed they will write",
            LetterStatus.Declined => "declined to write",
            _ => "reports having uploaded",
        };
        var details = letter.Status switch
        {
            LetterStatus.Declined => letter.DeclineReason is null ? "They gave no reason." : $"Their reason: “{letter.DeclineReason}”",
            LetterStatus.Uploaded => $"Uploaded on {letter.UploadedOn!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. The letter's deadline is marked done.",
            _ => $"The letter is due on {letter.DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; follow-ups to the referee have stopped.",
        };
        var subject = $"{letter.RefereeName} {what} the letter for {applicant}";
        var text = $"""
            Hello {consultant.DisplayName},

            {letter.RefereeName} ({letter.RefereeEmail}) {what} the {letter.System} letter of recommendation for {applicant} ({letter.Specialty}).
            {details}

            Client page: {links.ClientPage(letter.ClientId)}
            """;
        return OutboxMessage.ConsultantNotice(letter, consultant.Email, subject, text, now);
    }
}
