using Consultancy.Application.Clients;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Letters;
using Consultancy.Application.Playbooks;

namespace Consultancy.Web.ViewModels;

public sealed record ClientPageViewModel(ClientDetails Client, IReadOnlyList<ClientDeadline> Deadlines, IReadOnlyList<SeasonSummary> Seasons)
{
    public IReadOnlyList<ClientLetter> Letters { get; init; } = [];
    public IReadOnlyList<Application.Domain.LetterWarning> LetterWarnings { get; init; } = [];
    public ActivityFilter Activity { get; init; }

    public IEnumerable<ClientDeadline> OpenDeadlines => Deadlines.Where(d => d.Status == Application.Domain.DeadlineStatus.Open);
    public IReadOnlyList<ClientDeadline> ClosedDeadlines => Deadlines.Where(d => d.Status != Application.Domain.DeadlineStatus.Open).ToList();
    public ClientDeadline? NextDeadline => OpenDeadlines.MinBy(d => d.DueAtUtc);

    /// <summary>The seasons whose system the client targets, the client's own season first.</summary>
    public IEnumerable<SeasonSummary> PlannableSeasons =>
        Seasons.Where(s => Client.Profile.TargetSystem == Application.Domain.TargetSystem.Both || s.System == Client.Profile.TargetSystem)
            .OrderByDescending(s => s.Name == Client.Profile.Season).ThenBy(s => s.Name);
}
