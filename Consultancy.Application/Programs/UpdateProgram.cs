using System.ComponentModel.DataAnnotations;
using AutoMapper;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Programs;

/// <summary>Edits a directory program, saved only over the version the user started from.</summary>
public sealed record UpdateProgram : ProgramFields, IRequest<Unit>, IConcurrencyChecked
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    [Display(Name = "Verified today")] public bool VerifiedToday { get; set; }

    internal sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ResidencyProgram, UpdateProgram>()
            .ForMember(f => f.VerifiedToday, o => o.Ignore());
    }
}

internal sealed class UpdateProgramValidator : AbstractValidator<UpdateProgram>
{
    public UpdateProgramValidator(TimeProvider clock) => Include(new ProgramFieldsValidator(clock));
}

internal sealed class UpdateProgramHandler(IAppDbContext db, IMapper mapper, ICurrentUser user, TimeProvider clock) : IRequestHandler<UpdateProgram, Unit>
{
    public async Task<Unit> Handle(UpdateProgram request, CancellationToken ct)
    {
        var program = await db.GetProgramAsync(request.Id, ct);
        await db.SaveEditAsync(ProgramDirectory.RecordName, program.Version, request.Version, async () =>
        {
            await db.EnsureIdentifierFreeAsync(request.System, request.StoredIdentifier, program.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            request.ApplyTo(program);
            if (request.VerifiedToday) program.MarkVerified(user.UserId, now);
            program.RecordChange(now);
        }, async () => await db.ResidencyPrograms.GetAsAsync<ResidencyProgram, UpdateProgram>(request.Id, mapper.ConfigurationProvider, ct), ct);
        return Unit.Value;
    }
}
