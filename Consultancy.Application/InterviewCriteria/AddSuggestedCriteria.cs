using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.InterviewCriteria;

/// <summary>Adds the domains consultants commonly score interviews on, those not there yet; admins only.</summary>
/// <returns>How many were added.</returns>
public sealed record AddSuggestedCriteria : IRequest<int>
{
    public static readonly IReadOnlyList<(string Name, int Weight)> Suggested =
    [
        ("Training and teaching", 3), ("Location", 2), ("Culture and wellness", 2), ("Workload", 1), ("Visa support", 3), ("Fellowship outcomes", 2),
    ];
}

internal sealed class AddSuggestedCriteriaHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<AddSuggestedCriteria, int>
{
    public async Task<int> Handle(AddSuggestedCriteria request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var existing = (await db.InterviewCriteria.Select(c => c.Name.ToLower()).ToListAsync(ct)).ToHashSet();
        var position = await db.InterviewCriteria.MaxAsync(c => (int?)c.Position, ct) ?? 0;
        var adding = AddSuggestedCriteria.Suggested.Where(s => !existing.Contains(s.Name.ToLowerInvariant()))
            .Select(s => new InterviewCriterion(s.Name, s.Weight, ++position)).ToList();
        db.InterviewCriteria.AddRange(adding);
        await db.SaveChangesAsync(ct);
        return adding.Count;
    }
}
