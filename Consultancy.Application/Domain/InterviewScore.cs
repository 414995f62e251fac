namespace Consultancy.Application.Domain;

/// <summary>
/// A criterion the consultancy scores interviews on (training, location, culture, visa support…), with its weight.
/// Admins define them; every client's interviews are scored on the same ones.
/// </summary>
public sealed class InterviewCriterion
{
    public const int MinimumWeight = 1;
    public const int MaximumWeight = 10;

    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public int Weight { get; set; } = 1;
    public int Position { get; set; }
    /// <summary>No longer used for new scores; past scores keep counting.</summary>
    public bool IsRetired { get; set; }

    private InterviewCriterion() { }

    public InterviewCriterion(string name, int weight, int position)
    {
        Name = name;
        Weight = weight;
        Position = position;
    }
}

/// <summary>One criterion's score (1–5) for one interview.</summary>
public sealed class InterviewScore : IClientOwned
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public int CriterionId { get; private set; }
    public InterviewCriterion? Criterion { get; private set; }
    public int Score { get; set; }

    private InterviewScore() { }

    public InterviewScore(ProgramApplication application, int criterionId, int score)
    {
        ApplicationId = application.Id;
        ClientId = application.ClientId;
        CriterionId = criterionId;
        Score = score;
    }

    /// <summary>A score says nothing about who the applicant is.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure) => AfterErasure.Keep;

    /// <summary>The weighted mean of an interview's scores (1–5, two decimals), or null before any score.</summary>
    public static decimal? WeightedMean(IEnumerable<(int Score, int Weight)> scores)
    {
        var list = scores.ToList();
        return WeightedMean(list.Sum(s => s.Score * s.Weight), list.Sum(s => s.Weight));
    }

    /// <summary>The same from sums a query already took: Σ score × weight and Σ weight over the criteria scored.</summary>
    public static decimal? WeightedMean(int? scoreTimesWeight, int? weights) =>
        weights is > 0 ? Math.Round((decimal)(scoreTimesWeight ?? 0) / weights.Value, 2) : null;
}
