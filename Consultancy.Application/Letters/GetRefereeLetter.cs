using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.Letters;

/// <summary>The referee's page: the one request their token names, or why the link does not work.</summary>
public sealed record GetRefereeLetter(string Token) : IRequest<RefereePage>;

public sealed record RefereePage(RefereeLinkState State, RefereeLetter? Letter);

/// <summary>Only what the referee needs about their own letter; nothing else about the applicant.</summary>
public sealed record RefereeLetter(
    string RefereeName, string ApplicantName, string Specialty, LetterSystem System, DateOnly DueDate, string? ErasLetterId,
    LetterStatus Status, DateOnly? UploadedOn, string ConsultantName, bool FollowUpsStopped,
    bool CanConfirm, bool CanDecline, bool CanReportUploaded);

internal sealed class GetRefereeLetterHandler(IAppDbContext db, ILetterLinks links, TimeProvider clock, IOptions<LetterSettings> settings)
    : IRequestHandler<GetRefereeLetter, RefereePage>
{
    public async Task<RefereePage> Handle(GetRefereeLetter request, CancellationToken ct)
    {
        var (state, letter) = await db.ResolveAsync(links, request.Token, clock.GetUtcNow().UtcDateTime, settings, ct);
        return new RefereePage(state, letter is null ? null : ForReferee(letter));
    }

    internal static RefereeLetter ForReferee(LetterRequest letter) => new(
        letter.RefereeName, $"{letter.Client!.FirstName} {letter.Client.LastName}", letter.Specialty, letter.System, letter.DueDate,
        letter.ErasLetterId, letter.Status, letter.UploadedOn, letter.Client.Consultant?.DisplayName ?? "the advising team", letter.FollowUpsStopped,
        letter.RefereeMay(LetterStatus.Confirmed), letter.RefereeMay(LetterStatus.Declined), letter.RefereeMay(LetterStatus.Uploaded));
}
