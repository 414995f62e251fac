using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.InterviewCriteria;

/// <summary>The criteria interviews are scored on, in their order, retired ones last.</summary>
public sealed record GetInterviewCriteria : IRequest<IReadOnlyList<InterviewCriterionItem>>;

public sealed record InterviewCriterionItem(int Id, string Name, int Weight, int Position, bool IsRetired);

internal sealed class GetInterviewCriteriaHandler(IAppDbContext db) : IRequestHandler<GetInterviewCriteria, IReadOnlyList<InterviewCriterionItem>>
{
    public async Task<IReadOnlyList<InterviewCriterionItem>> Handle(GetInterviewCriteria request, CancellationToken ct) =>
        await db.InterviewCriteria.OrderBy(c => c.IsRetired).ThenBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new InterviewCriterionItem(c.Id, c.Name, c.Weight, c.Position, c.IsRetired)).ToListAsync(ct);
}
