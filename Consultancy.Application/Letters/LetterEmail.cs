using System.Globalization;
using System.Net;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Letters;

/// <summary>
/// The letter emails as the dispatcher sends them: requests and follow-ups to referees are written from the
/// letter as it is at send time (and dropped, with the reason, if the letter no longer needs them); notices
/// to consultants carry the words written when the referee acted.
/// </summary>
public sealed class LetterEmail(ILetterLinks links, TimeProvider clock)
{
    /// <param name="message">Loaded with its letter, client and the client's consultant.</param>
    public string? WhyNotSend(OutboxMessage message)
    {
        if (message.Kind == OutboxKind.LetterNotice) return null;
        if (message.LetterRequest is not { } letter || message.Client is not { } client) return "the letter was deleted";
        if (message.Kind == OutboxKind.LetterRequest)
            return letter.Status switch
            {
                LetterStatus.Requested => client.IsArchived ? "the client was archived" : null,
                LetterStatus.Cancelled => "the letter was cancelled",
                _ => "the letter no longer waits for a request",
            };
        if (LetterFollowUpPlanner.WhyNoFollowUps(letter, client) is { } reason) return reason;
        return clock.GetUtcNow().UtcDateTime >= LetterFollowUpPlanner.EndOfDueDate(letter, client) ? "the due date had passed" : null;
    }

    public EmailMessage Render(OutboxMessage message)
    {
        var key = $"outbox-{message.Id}";
        if (message.Kind == OutboxKind.LetterNotice)
            return new EmailMessage(message.Recipient, message.Subject ?? "", message.TextBody ?? "", ReplyTo: message.LetterRequest?.RefereeEmail, MessageKey: key);

        var letter = message.LetterRequest!;
        var client = message.Client!;
        var consultant = client.Consultant;
        var values = Values(letter, client, consultant);
        var page = links.RefereePage(letter.Id, letter.RefereeEmail);
        var stop = links.StopFollowUps(letter.Id);
        var signature = consultant is null ? "The advising team" : $"{consultant.DisplayName}\nAdvisor to {values["ApplicantName"]}";

        string subject, opening;
        if (message.Kind == OutboxKind.LetterRequest)
        {
            subject = LetterRequestTemplate.Fill(message.Subject ?? LetterRequestTemplate.DefaultSubject, values);
            opening = LetterRequestTemplate.Fill(message.TextBody ?? LetterRequestTemplate.DefaultBody, values).Trim();
        }
        else
        {
            subject = $"Friendly reminder: letter of recommendation for {values["ApplicantName"]} (due {letter.DueDate.ToString("d MMM", CultureInfo.InvariantCulture)})";
            opening = $"""
                Dear {letter.RefereeName},

                We wrote to you about a letter of recommendation for {values["ApplicantName"]} ({values["Specialty"]}), to be uploaded by {values["DueDate"]}. We have not heard back yet and wanted to make sure our message reached you.
                {(letter.ErasLetterId is null ? "" : $"\nThe ERAS Letter ID for this letter is {letter.ErasLetterId}.\n")}
                Could you let us know through the link below whether you can write it? If you have already uploaded it, please say so there and we will stop writing.
                """;
        }

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

        return new EmailMessage(letter.RefereeEmail, subject, text, html, consultant?.Email, key,
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{stop}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            });
    }

    public static Dictionary<string, string> Values(LetterRequest letter, Client client, UserProfile? consultant) => new()
    {
        ["RefereeName"] = letter.RefereeName,
        ["ApplicantName"] = $"{client.FirstName} {client.LastName}",
        ["Specialty"] = letter.Specialty,
        ["DueDate"] = letter.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
        ["LetterId"] = letter.ErasLetterId ?? (letter.System == LetterSystem.CaRMS ? "not needed for CaRMS" : "to follow from the applicant"),
        ["Consultant"] = consultant?.DisplayName ?? "the advising team",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
