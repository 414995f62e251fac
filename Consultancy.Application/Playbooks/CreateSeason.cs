using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Playbooks;

public sealed record CreateSeason : IRequest<int>
{
    public TargetSystem System { get; set; }
    public string Name { get; set; } = "";
    [Display(Name = "Copy key dates from")] public int? CopyFromSeasonId { get; set; }
}

internal sealed class CreateSeasonValidator : AbstractValidator<CreateSeason>
{
    public CreateSeasonValidator()
    {
        RuleFor(s => s.Name).SingleLine().NotEmpty().WithMessage("Name the season, e.g. \"ERAS 2029\".").MaximumLength(50);
        RuleFor(s => s.System).Must(s => s is TargetSystem.ErasNrmp or TargetSystem.CaRMS).WithMessage("Choose ERAS/NRMP or CaRMS.");
    }
}

/// <summary>A new season; copying another season's key dates moves them on by whole years and marks each to verify.</summary>
internal sealed class CreateSeasonHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<CreateSeason, int>
{
    public async Task<int> Handle(CreateSeason request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var name = request.Name.Trim();
        if (await db.Seasons.AnyAsync(s => s.Name == name, ct))
            throw new ValidationException(nameof(request.Name), "A season with this name already exists.");
        var season = new Season(request.System, name);
        if (request.CopyFromSeasonId is { } sourceId)
        {
            var source = await db.Seasons.AsNoTracking().Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == sourceId, ct)
                ?? throw new ValidationException(nameof(request.CopyFromSeasonId), "Choose a season to copy from.");
            var years = YearOf(name) - YearOf(source.Name);
            if (years is < -10 or > 10)
                throw new ValidationException(nameof(request.CopyFromSeasonId), "Copy key dates from a season at most ten years apart.");
            foreach (var date in source.KeyDates)
                season.KeyDates.Add(new SeasonKeyDate(date.Key, date.Name, date.Date.AddYears(years ?? 1), true, $"Copied from {source.Name}"));
        }
        db.Seasons.Add(season);
        await db.SaveChangesAsync(ct);
        return season.Id;
    }

    private static int? YearOf(string name) =>
        name.Split(' ').Select(part => int.TryParse(part, out var year) ? year : (int?)null).LastOrDefault(y => y is not null);
}
