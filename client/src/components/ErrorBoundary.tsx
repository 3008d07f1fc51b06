import { Component, type ReactNode } from 'react';
import { Alert, Heading, Paragraph } from './ui.tsx';

/** Catches rendering errors so one broken part never blanks the whole application. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert type="error">
        <Heading level={2}>Er ging iets mis</Heading>
        <Paragraph>
          Dit onderdeel kon niet worden getoond. Laad de pagina opnieuw; blijft het misgaan, neem
          dan contact op met de beheerder.
        </Paragraph>
      </Alert>
    );
  }
}
