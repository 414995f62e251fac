using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using AutoMapper;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.ProgramApplications;

/// <summary>The application's own fields, saved over the version the form showed; its status moves as <see cref="ChangeApplicationStatus"/> does.</summary>
public sealed record UpdateApplication : IRequest<int>, IConcurrencyChecked
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public ApplicationTier Tier { get; set; }
    public ProgramSignal Signal { get; set; }
    public ApplicationStatus Status { get; set; }
    public string? Notes { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ProgramApplication, UpdateApplication>();
    }
}

internal sealed class UpdateApplicationValidator : AbstractValidator<UpdateApplication>
{
    public UpdateApplicationValidator()
    {
        RuleFor(r => r.Tier).IsInEnum();
        RuleFor(r => r.Signal).IsInEnum();
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Notes).MaximumLength(2000).NoControlCharacters();
    }
}

internal sealed class UpdateApplicationHandler(IAppDbContext db, InterviewPlanner planner, TimeProvider clock, IMapper mapper)
    : IRequestHandler<UpdateApplication, int>
{
    public async Task<int> Handle(UpdateApplication request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.GetForPlanningAsync(request.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginTransactionAsync(ct);
        await db.SaveEditAsync(application, request.Version, () =>
        {
            application.Tier = request.Tier;
            application.Signal = request.Signal;
            application.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
            application.MoveTo(request.Status, LocalTimes.Today(now, TimeZones.Find(application.Client!.TimeZoneId)), now);
            return Task.CompletedTask;
        }, async () => await db.ProgramApplications.GetAsAsync<ProgramApplication, UpdateApplication>(application.Id, mapper.ConfigurationProvider, ct), ct);
        await planner.PlanRemindersAsync(planner.Follow(application), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return application.ClientId;
    }
}
