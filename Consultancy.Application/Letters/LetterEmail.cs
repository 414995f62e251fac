using System.Globalization;
using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Letters;

/// <summary>
/// The letter emails (queued by <see cref="SendLetterRequest"/>, <see cref="LetterFollowUpPlanner"/> and
/// <see cref="AnswerAsReferee"/>): requests and follow-ups to referees are written from the letter as it is at
/// send time (and dropped, with the reason, if the letter no longer needs them); notices to consultants carry the
/// words written when the referee acted.
/// </summary>
public abstract class LetterEmail : OutboxEmail
{
    public sealed override IQueryable<OutboxMessage> Including(IQueryable<OutboxMessage> messages) =>
        messages.Include(m => m.LetterRequest).Include(m => m.Client).ThenInclude(c => c!.Consultant);

    /// <summary>Hidden like other personal links: a referee's link answers for the letter without sign-in.</summary>
    public sealed override EmailMessage? Preview(OutboxMessage message) =>
        message is { LetterRequest: not null, Client: not null } ? base.Preview(message) : null;

    public static Dictionary<string, string> Values(LetterRequest letter, Client client, UserProfile? consultant) => new()
    {
        ["RefereeName"] = letter.RefereeName,
        ["ApplicantName"] = $"{client.FirstName} {client.LastName}",
        ["Specialty"] = letter.Specialty,
        ["DueDate"] = letter.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
        ["LetterId"] = letter.ErasLetterId ?? (letter.System == LetterSystem.CaRMS ? "not needed for CaRMS" : "to follow from the applicant"),
        ["Consultant"] = consultant?.DisplayName ?? "the advising team",
    };
}

/// <summary>A request or follow-up to the referee: their page for the letter, and a one-click stop to further reminders.</summary>
public abstract class RefereeEmail(ILetterLinks links) : LetterEmail
{
    public sealed override EmailMessage Render(OutboxMessage message)
    {
        var letter = message.LetterRequest!;
        var client = message.Client!;
        var consultant = client.Consultant;
        var values = Values(letter, client, consultant);
        var page = links.RefereePage(letter.Id, letter.RefereeEmail);
        var stop = links.StopFollowUps(letter.Id);
        var signature = consultant is null ? "The advising team" : $"{consultant.DisplayName}\nAdvisor to {values["ApplicantName"]}";
        var (subject, opening) = Opening(message, letter, values);

        var text = $"""
            {opening}

            Your page for this letter (confirm, decline, or report it uploaded):
            {page}

            {signature}

            --
            Do not want further reminders about this letter? Stop them: {stop}
            """;
        var html = string.Join("\n", opening.Split("\n\n").Select(p => $"<p>{Encode(p).Replace("\n", "<br>")}</p>")) + $"""

            <p><a href="{Encode(page)}">Open your page for this letter</a> to confirm, decline, or report it uploaded.</p>
            <p>{Encode(signature).Replace("\n", "<br>")}</p>
            <hr>
            <p style="font-size:small;color:#555">Do not want further reminders about this letter? <a href="{Encode(stop)}">Stop them</a>.</p>
            """;

        return new EmailMessage(letter.RefereeEmail, subject, text, html, consultant?.Email, $"outbox-{message.Id}",
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{stop}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    /// <summary>The subject and the opening paragraphs, above the referee's link.</summary>
    protected abstract (string Subject, string Opening) Opening(OutboxMessage message, LetterRequest letter, Dictionary<string, string> values);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The n-th request to the referee, in the words of the template as it was when the request was made.</summary>
public sealed class LetterRequestEmail(ILetterLinks links) : RefereeEmail(links)
{
    public override OutboxKind Kind => OutboxKind.LetterRequest;

    public override string? WhyNotSend(OutboxMessage message)
    {
        if (message.LetterRequest is not { } letter || message.Client is not { } client) return "the letter was deleted";
        return letter.Status switch
        {
            LetterStatus.Requested => client.IsArchived ? "the client was archived" : null,
            LetterStatus.Cancelled => "the letter was cancelled",
            _ => "the letter no longer waits for a request",
        };
    }

    protected override (string Subject, string Opening) Opening(OutboxMessage message, LetterRequest letter, Dictionary<string, string> values) =>
        (LetterRequestTemplate.Fill(message.Subject ?? LetterRequestTemplate.DefaultSubject, values),
            LetterRequestTemplate.Fill(message.TextBody ?? LetterRequestTemplate.DefaultBody, values).Trim());
}

/// <summary>A follow-up to a referee who has not answered, until the letter no longer waits or its due date passes.</summary>
public sealed class LetterFollowUpEmail(ILetterLinks links, TimeProvider clock) : RefereeEmail(links)
{
    public override OutboxKind Kind => OutboxKind.LetterFollowUp;

    public override string? WhyNotSend(OutboxMessage message)
    {
        if (message.LetterRequest is not { } letter || message.Client is not { } client) return "the letter was deleted";
        if (LetterFollowUpPlanner.WhyNoFollowUps(letter, client) is { } reason) return reason;
        return clock.GetUtcNow().UtcDateTime >= LetterFollowUpPlanner.EndOfDueDate(letter, client) ? "the due date had passed" : null;
    }

    protected override (string Subject, string Opening) Opening(OutboxMessage message, LetterRequest letter, Dictionary<string, string> values) =>
        ($"Friendly reminder: letter of recommendation for {values["ApplicantName"]} (due {letter.DueDate.ToString("d MMM", CultureInfo.InvariantCulture)})",
            $"""
            Dear {letter.RefereeName},

            We wrote to you about a letter of recommendation for {values["ApplicantName"]} ({values["Specialty"]}), to be uploaded by {values["DueDate"]}. We have not heard back yet and wanted to make sure our message reached you.
            {(letter.ErasLetterId is null ? "" : $"\nThe ERAS Letter ID for this letter is {letter.ErasLetterId}.\n")}
            Could you let us know through the link below whether you can write it? If you have already uploaded it, please say so there and we will stop writing.
            """);
}

/// <summary>Tells the consultant what the referee did, in the words written at that moment; replies go to the referee.</summary>
public sealed class LetterNoticeEmail : LetterEmail
{
    public override OutboxKind Kind => OutboxKind.LetterNotice;

    public override EmailMessage Render(OutboxMessage message) =>
        new(message.Recipient, message.Subject ?? "", message.TextBody ?? "", ReplyTo: message.LetterRequest?.RefereeEmail, MessageKey: $"outbox-{message.Id}");
}
