using Consultancy.Application.Playbooks;

namespace Consultancy.Web.ViewModels;

public sealed record SeasonsViewModel(IReadOnlyList<SeasonSummary> Seasons, CreateSeason NewSeason);
