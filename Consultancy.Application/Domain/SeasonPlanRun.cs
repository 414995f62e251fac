namespace Consultancy.Application.Domain;

public enum SeasonPlanRunState
{
    Running = 0,
    Finished = 1,
    Stopped = 2,
}

/// <summary>
/// One application of a season's plan to all of its clients, which runs in the background. Its progress is kept in
/// the database, so the progress page answers on whichever app instance the admin's next request reaches.
/// </summary>
public sealed class SeasonPlanRun
{
    /// <summary>Batches take seconds; a run silent for this long is no longer being worked on (its instance stopped).</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(2);

    private SeasonPlanRun() { }

    public SeasonPlanRun(Season season, DateTime now)
    {
        Id = Guid.NewGuid();
        SeasonId = season.Id;
        SeasonName = season.Name;
        StartedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public int SeasonId { get; private set; }
    public string SeasonName { get; private set; } = "";
    public SeasonPlanRunState State { get; private set; }
    public int ClientsDone { get; private set; }
    /// <summary>Null until the run has counted the season's clients.</summary>
    public int? ClientsTotal { get; private set; }
    public int DeadlinesCreated { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Running, but not heard from for longer than a batch can take: the instance working on it stopped.</summary>
    public bool IsAbandoned(DateTime now) => State == SeasonPlanRunState.Running && now - UpdatedAt > SilentAfter;
}
