using System.Linq.Expressions;

namespace Consultancy.Application.Domain;

/// <summary>
/// What the client list, the dashboard and the Reports page count as an application sent, an invite and an interview,
/// defined once as predicates the database evaluates. Statuses move along the pathway, so each is a range of it: an
/// application counts as an invite from Interview invited to its outcome (Matched or Not matched); a rejection or a
/// withdrawal after the invite takes it out of the invites, since the status no longer says it was invited.
/// </summary>
public static class ApplicationCounts
{
    /// <summary>Sent to the program: past Researching and not withdrawn (a rejected application was still sent).</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> Applied =
        a => a.Status != ApplicationStatus.Researching && a.Status != ApplicationStatus.Withdrawn;

    /// <summary>Interview invited, Interview scheduled, Interviewed, Ranked, Matched or Not matched.</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> Invite =
        a => a.Status >= ApplicationStatus.InterviewInvited && a.Status <= ApplicationStatus.NotMatched;

    /// <summary>Interview scheduled, Interviewed, Ranked, Matched or Not matched.</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> Interview =
        a => a.Status >= ApplicationStatus.InterviewScheduled && a.Status <= ApplicationStatus.NotMatched;

    /// <summary>On a rank order list that went in: Ranked (certifying moves the ranked programs there), Matched or Not matched.</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> Ranked =
        a => a.Status >= ApplicationStatus.Ranked && a.Status <= ApplicationStatus.NotMatched;

    public static readonly Expression<Func<ProgramApplication, bool>> Matched = a => a.Status == ApplicationStatus.Matched;

    /// <summary>The match has decided it: Matched or Not matched.</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> Outcome =
        a => a.Status == ApplicationStatus.Matched || a.Status == ApplicationStatus.NotMatched;

    /// <summary>Still waiting on its outcome: from Researching to Ranked, neither rejected, withdrawn nor past the match.</summary>
    public static readonly Expression<Func<ProgramApplication, bool>> InTheRunning =
        a => a.Status <= ApplicationStatus.Ranked;
}
