using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.ProgramApplications;

/// <summary>Scores an interview on the consultancy's criteria (1–5 each; an empty score is removed) and notes its red flags.</summary>
public sealed record ScoreInterview : IRequest<int>
{
    public int Id { get; set; }
    public Dictionary<int, int?> Scores { get; set; } = [];
    public string? RedFlags { get; set; }
}

internal sealed class ScoreInterviewValidator : AbstractValidator<ScoreInterview>
{
    public ScoreInterviewValidator()
    {
        RuleForEach(r => r.Scores).Must(s => s.Value is null or >= InterviewScore.Lowest and <= InterviewScore.Highest)
            .WithMessage($"Each score is from {InterviewScore.Lowest} to {InterviewScore.Highest}.");
        RuleFor(r => r.RedFlags).MaximumLength(1000).NoControlCharacters();
    }
}

internal sealed class ScoreInterviewHandler(IAppDbContext db) : IRequestHandler<ScoreInterview, int>
{
    public async Task<int> Handle(ScoreInterview request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == request.Id, ct)
            ?? throw new Common.Exceptions.NotFoundException(nameof(ProgramApplication), request.Id);
        var criteria = (await db.InterviewCriteria.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        if (request.Scores.Keys.Any(id => !criteria.Contains(id)))
            throw new ValidationException(nameof(request.Scores), "One of the criteria was removed; reload the page.");

        foreach (var (criterionId, score) in request.Scores)
        {
            var existing = application.Scores.SingleOrDefault(s => s.CriterionId == criterionId);
            if (score is null) { if (existing is not null) application.Scores.Remove(existing); }
            else if (existing is null) application.Scores.Add(new InterviewScore(application, criterionId, score.Value));
            else existing.Score = score.Value;
        }
        application.RedFlags = string.IsNullOrWhiteSpace(request.RedFlags) ? null : request.RedFlags.Trim();
        await db.SaveChangesAsync(ct);
        return application.ClientId;
    }
}
