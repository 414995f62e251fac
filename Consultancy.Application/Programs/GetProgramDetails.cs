using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs;

public sealed record GetProgramDetails(int Id) : IRequest<ProgramDetails>;

public sealed record ProgramDetails
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string? Institution { get; init; }
    public string Specialty { get; init; } = "";
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string Country { get; init; } = "";
    public ProgramSystem System { get; init; }
    public string? Identifier { get; init; }
    public ProgramType Type { get; init; }
    public int? PositionsPerYear { get; init; }
    public int? ImgSharePercent { get; init; }
    public int? ImgShareYear { get; init; }
    public VisaSponsorship VisaSponsorship { get; init; }
    public string TimeZoneId { get; init; } = "";
    public int? MinimumStep2CkScore { get; init; }
    public int? MaximumYearsSinceGraduation { get; init; }
    public int? MaximumAttempts { get; init; }
    public ClinicalExperienceRequirement ClinicalExperience { get; init; }
    public bool? EcfmgCertificationByRankDeadline { get; init; }
    public string? Website { get; init; }
    public string? Notes { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public string? VerifiedByName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

internal sealed class GetProgramDetailsHandler(IAppDbContext db) : IRequestHandler<GetProgramDetails, ProgramDetails>
{
    public async Task<ProgramDetails> Handle(GetProgramDetails request, CancellationToken ct) =>
        await db.ResidencyPrograms.Where(p => p.Id == request.Id).Select(p => new ProgramDetails
        {
            Id = p.Id, Name = p.Name, Institution = p.Institution, Specialty = p.Specialty, City = p.City,
            StateOrProvince = p.StateOrProvince, Country = p.Country, System = p.System, Identifier = p.Identifier, Type = p.Type,
            PositionsPerYear = p.PositionsPerYear, ImgSharePercent = p.ImgSharePercent, ImgShareYear = p.ImgShareYear,
            VisaSponsorship = p.VisaSponsorship, TimeZoneId = p.TimeZoneId, MinimumStep2CkScore = p.MinimumStep2CkScore,
            MaximumYearsSinceGraduation = p.MaximumYearsSinceGraduation, MaximumAttempts = p.MaximumAttempts,
            ClinicalExperience = p.ClinicalExperience, EcfmgCertificationByRankDeadline = p.EcfmgCertificationByRankDeadline,
            Website = p.Website, Notes = p.Notes, VerifiedAt = p.VerifiedAt,
            VerifiedByName = p.VerifiedBy == null ? null : p.VerifiedBy.DisplayName,
            CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt,
        }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException(ProgramDirectory.RecordName, request.Id);
}
