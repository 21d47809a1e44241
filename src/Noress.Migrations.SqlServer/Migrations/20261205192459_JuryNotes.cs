using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class JuryNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallDeliberationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallDeliberationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallDeliberationNotes_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_ApplicationId",
                table: "CallDeliberationNotes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_AuthorId",
                table: "CallDeliberationNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CallDeliberationNotes_CallId_At",
                table: "CallDeliberationNotes",
                columns: new[] { "CallId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallDeliberationNotes");
        }
    }
}
