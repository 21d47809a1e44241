using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionsElections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Elections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommitteeRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SecretariatPosition = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Ballot = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AbsoluteRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Rounds = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Elections_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Elections_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Elections_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectionCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ElectedInRound = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawnAfterRound = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElectionCandidates_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Absolute = table.Column<bool>(type: "INTEGER", nullable: false),
                    MembersAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentedAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumRequiredAtOpening = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumReachedAtOpening = table.Column<bool>(type: "INTEGER", nullable: false),
                    Participations = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotsCast = table.Column<int>(type: "INTEGER", nullable: true),
                    Blank = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Tied = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedWithoutQuorum = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionRounds_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretariatMandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ElectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretariatMandates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretariatMandates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecretariatMandates_Elections_ElectionId",
                        column: x => x.ElectionId,
                        principalTable: "Elections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ElectionBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 740, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectionBallots_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectionParticipations",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionParticipations", x => new { x.RoundId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_ElectionParticipations_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ElectionParticipations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectionTallies",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionTallies", x => new { x.RoundId, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_ElectionTallies_ElectionCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "ElectionCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElectionTallies_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenElectionChoices",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 740, nullable: false),
                    CastById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenElectionChoices", x => new { x.RoundId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_OpenElectionChoices_ElectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ElectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenElectionChoices_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ElectionBallots_RoundId",
                table: "ElectionBallots",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_ElectionId",
                table: "ElectionCandidates",
                column: "ElectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_InstitutionId",
                table: "ElectionCandidates",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_PersonId",
                table: "ElectionCandidates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionParticipations_InstitutionId",
                table: "ElectionParticipations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionRounds_ElectionId_Number",
                table: "ElectionRounds",
                columns: new[] { "ElectionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Elections_AgendaItemId",
                table: "Elections",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Elections_CommitteeId",
                table: "Elections",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Elections_SessionId",
                table: "Elections",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ElectionTallies_CandidateId",
                table: "ElectionTallies",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenElectionChoices_InstitutionId",
                table: "OpenElectionChoices",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_ElectionId",
                table: "SecretariatMandates",
                column: "ElectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_Position_StartsOn",
                table: "SecretariatMandates",
                columns: new[] { "Position", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SecretariatMandates_UserId",
                table: "SecretariatMandates",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ElectionBallots");

            migrationBuilder.DropTable(
                name: "ElectionParticipations");

            migrationBuilder.DropTable(
                name: "ElectionTallies");

            migrationBuilder.DropTable(
                name: "OpenElectionChoices");

            migrationBuilder.DropTable(
                name: "SecretariatMandates");

            migrationBuilder.DropTable(
                name: "ElectionCandidates");

            migrationBuilder.DropTable(
                name: "ElectionRounds");

            migrationBuilder.DropTable(
                name: "Elections");
        }
    }
}
