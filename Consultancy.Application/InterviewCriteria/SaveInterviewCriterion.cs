using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.InterviewCriteria;

/// <summary>Adds a criterion (no id) or changes one; admins only. Retiring keeps past scores counting but leaves it off new ones.</summary>
public sealed record SaveInterviewCriterion : IRequest<int>
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public int Weight { get; set; } = 1;
    public int Position { get; set; }
    public bool IsRetired { get; set; }
}

internal sealed class SaveInterviewCriterionValidator : AbstractValidator<SaveInterviewCriterion>
{
    public SaveInterviewCriterionValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Name the criterion, e.g. “Visa support”.").MaximumLength(100).SingleLine();
        RuleFor(r => r.Weight).InclusiveBetween(InterviewCriterion.MinimumWeight, InterviewCriterion.MaximumWeight)
            .WithMessage($"The weight is a whole number from {InterviewCriterion.MinimumWeight} to {InterviewCriterion.MaximumWeight}.");
        RuleFor(r => r.Position).InclusiveBetween(0, 1000).WithMessage("The position is a whole number from 0 to 1000.");
    }
}

internal sealed class SaveInterviewCriterionHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<SaveInterviewCriterion, int>
{
    public async Task<int> Handle(SaveInterviewCriterion request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var name = request.Name.Trim();
        if (await db.InterviewCriteria.AnyAsync(c => c.Name.ToLower() == name.ToLower() && c.Id != request.Id, ct))
            throw new ValidationException(nameof(request.Name), $"There already is a criterion named “{name}”.");
        var criterion = request.Id is { } id ? await db.InterviewCriteria.GetByIdAsync(id, ct) : new InterviewCriterion(name, request.Weight, request.Position);
        if (request.Id is null) db.InterviewCriteria.Add(criterion);
        criterion.Name = name;
        criterion.Weight = request.Weight;
        criterion.Position = request.Position;
        criterion.IsRetired = request.IsRetired;
        await db.SaveChangesAsync(ct);
        return criterion.Id;
    }
}
